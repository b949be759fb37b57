package dev.meshdeck.core.canary;

/**
 * What one version served over one interval: requests counted (not a rate: a check needs the count), those that
 * failed (5xx, gRPC errors; Lambda errors and throttles), and latency percentiles ({@code NaN} when unknown).
 */
public record VersionFigures(double requests, double failed, double p95Millis, double p99Millis) {

    public static final VersionFigures NONE = new VersionFigures(0, 0, Double.NaN, Double.NaN);

    /** Non-failed share in percent; {@code NaN} without requests (no traffic says nothing). */
    public double successRatePercent() {
        return requests > 0 ? 100 * (1 - failed / requests) : Double.NaN;
    }

    public double latencyMillis(LatencyLimit.Percentile percentile) {
        return percentile == LatencyLimit.Percentile.P95 ? p95Millis : p99Millis;
    }
}
