package dev.meshdeck.core.telemetry;

/**
 * Observed traffic over the query window.
 *
 * @param requestsPerSecond request rate
 * @param errorRatio        share of failed requests, 0..1 (HTTP 5xx, gRPC non-OK; Lambda errors + throttles)
 * @param p95Millis         95th percentile latency in milliseconds, {@code NaN} when unknown
 */
public record TrafficStats(double requestsPerSecond, double errorRatio, double p95Millis) {

    public static final TrafficStats NONE = new TrafficStats(0, 0, Double.NaN);

    public boolean hasLatency() {
        return !Double.isNaN(p95Millis);
    }
}
