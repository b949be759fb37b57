package dev.meshdeck.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.canary.CanaryMetrics;
import dev.meshdeck.core.canary.IntervalMetrics;
import dev.meshdeck.core.canary.VersionFigures;
import dev.meshdeck.core.telemetry.TelemetryException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A canary's figures from a Prometheus scraping Istio: requests, failed requests (5xx or a gRPC status other than OK,
 * as Kiali counts them) and p95/p99 latency of each version's destination-reported series over the interval, with
 * {@code increase()} over exactly the interval's length.
 */
public final class IstioCanaryQueries implements CanaryMetrics {

    private final PrometheusApi prometheus;
    private final IstioVersion candidate;
    private final List<IstioVersion> stable;

    public IstioCanaryQueries(PrometheusApi prometheus, IstioVersion candidate, List<IstioVersion> stable) {
        this.prometheus = prometheus;
        this.candidate = candidate;
        this.stable = List.copyOf(stable);
    }

    @Override
    public IntervalMetrics measure(Instant from, Instant to) throws TelemetryException {
        long seconds = Math.max(1, Duration.between(from, to).toSeconds());
        return new IntervalMetrics(figures(List.of(candidate), seconds), figures(stable, seconds));
    }

    private VersionFigures figures(List<IstioVersion> versions, long seconds) throws TelemetryException {
        String range = "[" + seconds + "s]";
        double total = 0;
        double failed = 0;
        for (IstioVersion v : versions) {
            total += scalar("sum(increase(istio_requests_total{" + v.selector() + "}" + range + "))");
            failed += scalar("sum(increase(istio_requests_total{" + v.selector() + ",response_code=~\"5..\"}" + range + "))")
                    + scalar("sum(increase(istio_requests_total{" + v.selector()
                    + ",response_code!~\"5..\",grpc_response_status!~\"0|\"}" + range + "))");
        }
        String buckets = versions.stream()
                .map(v -> "increase(istio_request_duration_milliseconds_bucket{" + v.selector() + "}" + range + ")")
                .collect(Collectors.joining(" or "));
        double p95 = scalar("histogram_quantile(0.95, sum(" + buckets + ") by (le))");
        double p99 = scalar("histogram_quantile(0.99, sum(" + buckets + ") by (le))");
        return new VersionFigures(total, failed, p95, p99);
    }

    /** The single value of a query that sums to one series; 0 counts when it matched nothing, {@code NaN} latency. */
    private double scalar(String promql) throws TelemetryException {
        JsonNode result = prometheus.query(promql);
        if (!result.isArray() || result.isEmpty()) {
            return promql.startsWith("histogram_quantile") ? Double.NaN : 0;
        }
        return Double.parseDouble(result.get(0).path("value").get(1).asText());
    }
}
