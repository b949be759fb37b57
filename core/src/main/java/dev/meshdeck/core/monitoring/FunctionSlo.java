package dev.meshdeck.core.monitoring;

import java.time.Duration;
import java.util.Optional;

/**
 * A function's objectives: its p95 latency at most {@code p95}, its share of 5xx responses at most
 * {@code errorRatio} (0.01 for 1%), each alerting with {@code severity} once broken for {@code forDuration}.
 */
public record FunctionSlo(Optional<Duration> p95, Optional<Double> errorRatio, Duration forDuration, AlertSeverity severity) {

    public FunctionSlo {
        if (p95.isEmpty() && errorRatio.isEmpty()) {
            throw new IllegalArgumentException("an SLO needs a p95 latency or an error rate (or both)");
        }
        p95.ifPresent(d -> {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("the p95 latency must be positive, not " + PromDuration.format(d));
            }
        });
        errorRatio.ifPresent(r -> {
            if (!(r > 0 && r < 1)) {
                throw new IllegalArgumentException("the error rate must be between 0% and 100%, not " + r * 100 + "%");
            }
        });
    }

    /** "1%", "0.5%", "12.5%": a percentage of responses, as the SRE writes it. */
    public static double parsePercent(String text) {
        String t = text.strip();
        String number = t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t;
        try {
            return Double.parseDouble(number) / 100;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage (write e.g. 1% or 0.5%)");
        }
    }

    /** A Prometheus duration ({@code 1000ms}, {@code 1s}, {@code 5m}), or an error saying why not. */
    public static Duration parseDuration(String text) {
        return PromDuration.parse(text).orElseThrow(() -> new IllegalArgumentException(PromDuration.problem(text).orElseThrow()));
    }
}
