package dev.meshdeck.core.routing;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as Istio's CRDs write it ({@code 30s}, {@code 250ms}, {@code 5m}, {@code 1h}, {@code 1.5s}).
 * Formatting picks the largest unit that represents the value exactly, as Istio's own examples do.
 */
public record IstioDuration(Duration value) implements Comparable<IstioDuration> {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");

    public IstioDuration {
        if (value.isNegative()) {
            throw new IllegalArgumentException("a duration cannot be negative: " + value);
        }
    }

    public static IstioDuration of(Duration value) {
        return new IstioDuration(value);
    }

    public static IstioDuration ofSeconds(long seconds) {
        return new IstioDuration(Duration.ofSeconds(seconds));
    }

    public static IstioDuration ofMillis(long millis) {
        return new IstioDuration(Duration.ofMillis(millis));
    }

    /** Parses Go-style durations as Istio accepts them: {@code 1h30m}, {@code 1.5s}, {@code 100ms}; null stays null. */
    public static IstioDuration parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            total = total.plus(part(m.group(1), m.group(2)));
            end = m.end();
        }
        if (end == 0 || end != s.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write it like 30s, 250ms, 5m or 1h");
        }
        return new IstioDuration(total);
    }

    private static Duration part(String number, String unit) {
        long nanosPerUnit = switch (unit) {
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us", "µs" -> 1_000L;
            default -> 1L;
        };
        return Duration.ofNanos(new java.math.BigDecimal(number)
                .multiply(java.math.BigDecimal.valueOf(nanosPerUnit)).longValueExact());
    }

    /** Null-safe formatting for optional fields. */
    public static String format(IstioDuration duration) {
        return duration == null ? null : duration.toString();
    }

    @Override
    public String toString() {
        long nanos = value.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos % 3_600_000_000_000L == 0) {
            return nanos / 3_600_000_000_000L + "h";
        }
        if (nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + "m";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return java.math.BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
    }

    @Override
    public int compareTo(IstioDuration other) {
        return value.compareTo(other.value);
    }
}
