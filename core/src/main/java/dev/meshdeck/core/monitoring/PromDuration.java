package dev.meshdeck.core.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Prometheus's duration syntax ({@code 1h30m}, {@code 500ms}, {@code 2w}): numbers each followed by a unit,
 * units from longest to shortest and each at most once, as Prometheus's {@code model.ParseDuration} reads it
 * (a year is 365 days, a week 7 days; "0" alone is zero).
 */
public final class PromDuration {

    private record Unit(String symbol, Duration length) {
    }

    /** Longest first: the order in which units must appear. */
    private static final List<Unit> UNITS = List.of(
            new Unit("y", Duration.ofDays(365)), new Unit("w", Duration.ofDays(7)), new Unit("d", Duration.ofDays(1)),
            new Unit("h", Duration.ofHours(1)), new Unit("m", Duration.ofMinutes(1)), new Unit("s", Duration.ofSeconds(1)),
            new Unit("ms", Duration.ofMillis(1)));

    private PromDuration() {
    }

    /** The duration, or empty when Prometheus would refuse the text (see {@link #problem}). */
    public static Optional<Duration> parse(String text) {
        Reading r = read(text);
        return r.problem() == null ? Optional.of(r.value()) : Optional.empty();
    }

    /** Why Prometheus would refuse this duration, or empty when it is valid. */
    public static Optional<String> problem(String text) {
        return Optional.ofNullable(read(text).problem());
    }

    /** A duration read, or why it cannot be ({@code problem} non-null). */
    private record Reading(Duration value, String problem) {
        static Reading refused(String text, String why) {
            return new Reading(null, "\"" + text + "\" is not a duration: " + why);
        }
    }

    private static Reading read(String text) {
        if (text.equals("0")) {
            return new Reading(Duration.ZERO, null);
        }
        if (text.isEmpty()) {
            return new Reading(null, "empty duration");
        }
        Duration total = Duration.ZERO;
        int i = 0;
        int lastUnit = -1;
        while (i < text.length()) {
            int digits = i;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i == digits) {
                return Reading.refused(text, "expected a number at \"" + text.substring(i) + "\" (write e.g. 30s, 5m, 1h30m)");
            }
            int letters = i;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                i++;
            }
            int unit = unitOf(text.substring(letters, i));
            if (unit < 0) {
                return Reading.refused(text, (letters == text.length() ? "a unit is missing"
                        : "unknown unit at \"" + text.substring(letters) + "\"") + " (units: y, w, d, h, m, s, ms)");
            }
            if (unit <= lastUnit) {
                return Reading.refused(text, "units must go from longest to shortest, each once (e.g. 1h30m, not 30m1h)");
            }
            lastUnit = unit;
            total = total.plus(UNITS.get(unit).length().multipliedBy(Long.parseLong(text.substring(digits, letters))));
        }
        return new Reading(total, null);
    }

    private static int unitOf(String symbol) {
        for (int u = 0; u < UNITS.size(); u++) {
            if (UNITS.get(u).symbol().equals(symbol)) {
                return u;
            }
        }
        return -1;
    }

    /** The shortest Prometheus text for a duration: 90 s is "1m30s", 1.5 s is "1s500ms". */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder s = new StringBuilder();
        Duration left = d;
        for (Unit u : UNITS) {
            long n = left.toMillis() / u.length().toMillis();
            if (n > 0) {
                s.append(n).append(u.symbol());
                left = left.minus(u.length().multipliedBy(n));
            }
        }
        return s.toString();
    }
}
