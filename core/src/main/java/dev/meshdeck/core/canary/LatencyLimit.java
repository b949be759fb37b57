package dev.meshdeck.core.canary;

import java.time.Duration;

/** The candidate's latency at {@code percentile} must stay at or under {@code max} (Flagger's request-duration). */
public record LatencyLimit(Percentile percentile, Duration max) {

    public enum Percentile {
        P95(0.95), P99(0.99);

        private final double quantile;

        Percentile(double quantile) {
            this.quantile = quantile;
        }

        public double quantile() {
            return quantile;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public LatencyLimit {
        if (percentile == null || max == null || max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("a latency limit needs a percentile and a positive duration");
        }
    }

    public double maxMillis() {
        return max.toNanos() / 1e6;
    }
}
