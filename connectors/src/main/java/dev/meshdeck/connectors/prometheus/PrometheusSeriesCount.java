package dev.meshdeck.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.monitoring.SeriesSelector;
import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.validation.rules.monitoring.RuleSelectsNoSeries;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How many series a selector selects in a Prometheus now ({@code count(<selector>)}, empty answer = none), for
 * {@link RuleSelectsNoSeries}. A failure answers "cannot say" and is kept for the caller to report once.
 */
public final class PrometheusSeriesCount implements RuleSelectsNoSeries.SeriesCount {

    private final MonitoringEndpoint prometheus;
    private volatile Optional<String> failure = Optional.empty();

    public PrometheusSeriesCount(MonitoringEndpoint prometheus) {
        this.prometheus = prometheus;
    }

    @Override
    public OptionalLong of(SeriesSelector selector) {
        String query = "count(" + selector.text() + ")";
        try {
            MonitoringEndpoint.Reply reply = prometheus.send("GET", "api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                    Optional.empty());
            JsonNode result = PrometheusAnswer.result(prometheus.describe(), query, reply.status(), reply.body());
            return OptionalLong.of(result.isEmpty() ? 0 : result.get(0).path("value").path(1).asLong());
        } catch (IOException e) {
            failure = Optional.of("cannot reach Prometheus " + prometheus.describe() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (TelemetryException e) {
            failure = Optional.of(e.getMessage());
        }
        return OptionalLong.empty();
    }

    /** The last failure, when a count could not be had. */
    public Optional<String> failure() {
        return failure;
    }
}
