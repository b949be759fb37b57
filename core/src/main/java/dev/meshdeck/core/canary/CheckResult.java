package dev.meshdeck.core.canary;

import java.util.Locale;

/**
 * One check of one interval: what was observed against its limit.
 *
 * @param observed the candidate's figure ({@code NaN} when it could not be measured: a failed check)
 * @param limit    the bound it had to respect (for checks against stable: the bound derived from stable)
 */
public record CheckResult(Check check, double observed, double limit, boolean passed) {

    /** What is checked; {@code atLeast} says which side of the limit passes. */
    public enum Check {
        REQUESTS("requests", true, ""),
        SUCCESS_RATE("success rate", true, "%"),
        LATENCY("latency", false, "ms"),
        SUCCESS_RATE_VS_STABLE("success rate vs stable", true, "%"),
        LATENCY_VS_STABLE("latency vs stable", false, "ms");

        private final String words;
        private final boolean atLeast;
        private final String unit;

        Check(String words, boolean atLeast, String unit) {
            this.words = words;
            this.atLeast = atLeast;
            this.unit = unit;
        }

        public boolean atLeast() {
            return atLeast;
        }

        public String unit() {
            return unit;
        }
    }

    static CheckResult of(Check check, double observed, double limit) {
        boolean passed = !Double.isNaN(observed) && !Double.isNaN(limit)
                && (check.atLeast ? observed >= limit : observed <= limit);
        return new CheckResult(check, observed, limit, passed);
    }

    /** "success rate 99.61% ≥ 99%" or "p99 latency 612ms > 500ms (FAILED)". */
    public String text(String percentile) {
        String name = check == Check.LATENCY || check == Check.LATENCY_VS_STABLE ? percentile + " " + check.words : check.words;
        String sign = passed ? (check.atLeast ? "≥" : "≤") : (check.atLeast ? "<" : ">");
        String value = Double.isNaN(observed) ? "unknown" : number(observed) + check.unit;
        return name + " " + value + " " + sign + " " + number(limit) + check.unit + (passed ? "" : " (FAILED)");
    }

    private static String number(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return Double.isNaN(value) ? "unknown"
                : rounded == Math.rint(rounded) ? Long.toString((long) rounded)
                : String.format(Locale.ROOT, "%.2f", rounded);
    }
}
