package dev.meshdeck.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertSource;
import dev.meshdeck.core.telemetry.TelemetryException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The alerts a Prometheus is evaluating ({@code /api/v1/alerts}), each mapped to its function by its labels. */
public final class PrometheusAlerts {

    private PrometheusAlerts() {
    }

    /** The alerts of a Prometheus at a URL, as an {@link AlertSource} to poll. */
    public static AlertSource source(DirectPrometheus prometheus) {
        return new AlertSource() {
            @Override
            public String name() {
                return "prometheus " + prometheus.describe();
            }

            @Override
            public List<ActiveAlert> read() throws TelemetryException {
                return PrometheusAlerts.read(prometheus);
            }
        };
    }

    public static List<ActiveAlert> read(DirectPrometheus prometheus) throws TelemetryException {
        return alerts(prometheus.describe(), prometheus.alerts());
    }

    /** The same from a Prometheus reached at a URL or through the API server proxy. */
    public static List<ActiveAlert> read(MonitoringEndpoint prometheus) throws TelemetryException {
        MonitoringEndpoint.Reply reply;
        try {
            reply = prometheus.send("GET", "api/v1/alerts", Optional.empty());
        } catch (java.io.IOException e) {
            throw new TelemetryException("cannot reach Prometheus " + prometheus.describe() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + "; check the URL and that Prometheus is running", e);
        }
        return alerts(prometheus.describe(), PrometheusAnswer.data(prometheus.describe(), "alerts", reply.status(), reply.body())
                .path("alerts"));
    }

    private static List<ActiveAlert> alerts(String source, JsonNode answer) {
        List<ActiveAlert> alerts = new ArrayList<>();
        for (JsonNode a : answer) {
            String state = a.path("state").asText("");
            if (!state.equals("firing") && !state.equals("pending")) {
                continue; // "inactive" is not an alert anyone needs to see
            }
            Map<String, String> labels = new LinkedHashMap<>();
            a.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            String summary = a.path("annotations").path("summary").asText("");
            alerts.add(new ActiveAlert(source, ActiveAlert.functionOf(labels), labels.getOrDefault("alertname", ""),
                    labels.getOrDefault("severity", ""), ActiveAlert.State.valueOf(state.toUpperCase(Locale.ROOT)),
                    Instant.parse(a.path("activeAt").asText()), value(a.path("value").asText("NaN")), labels,
                    summary.isEmpty() ? Optional.empty() : Optional.of(summary)));
        }
        return alerts;
    }

    /** Prometheus writes values as Go formats floats: "1.2e+03", "+Inf", "NaN". */
    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
