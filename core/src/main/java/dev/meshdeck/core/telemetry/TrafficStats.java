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

    /** Whether more than {@code ratio} (0..1) of the requests failed; a ratio over no requests says nothing. */
    public boolean failsMoreThan(double ratio) {
        return requestsPerSecond > 0 && errorRatio > ratio;
    }

    public boolean hasLatency() {
        return !Double.isNaN(p95Millis);
    }
}
