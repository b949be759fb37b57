package dev.meshdeck.core.editing.forms;

import dev.meshdeck.core.routing.IstioDuration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a view needs to build one control generically: label, tooltip, unit, kind and sane range. Values
 * travel as text, as the user types them; blank means "not set: Istio's default" and is always accepted.
 *
 * @param key         the field's path inside the edited section, e.g. {@code connectionPool.tcp.maxConnections}
 * @param tooltip     what the field does and Istio's default, for the person reading it at 3 a.m.
 * @param unit        shown after the control ("connections", "%"); empty when the value speaks for itself
 * @param min         smallest value for INTEGER and INTEGER_LIST elements, smallest duration in milliseconds
 * @param max         largest value, likewise
 * @param step        spinner step (milliseconds for durations)
 * @param choices     the allowed values of a CHOICE
 */
public record FieldSpec(String key, String label, String tooltip, Kind kind, String unit, long min, long max,
                        long step, List<String> choices) {

    public enum Kind { INTEGER, DURATION, BOOLEAN, CHOICE, INTEGER_LIST, TEXT }

    public FieldSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
        unit = unit == null ? "" : unit;
    }

    public static FieldSpec integer(String key, String label, String unit, long min, long max, long step, String tooltip) {
        return new FieldSpec(key, label, tooltip, Kind.INTEGER, unit, min, max, step, List.of());
    }

    /** A duration between {@code min} and {@code max}, written as Istio writes it (30s, 250ms). */
    public static FieldSpec duration(String key, String label, IstioDuration min, IstioDuration max, IstioDuration step,
                                     String tooltip) {
        return new FieldSpec(key, label, tooltip, Kind.DURATION, "duration", min.value().toMillis(),
                max.value().toMillis(), step.value().toMillis(), List.of());
    }

    public static FieldSpec flag(String key, String label, String tooltip) {
        return new FieldSpec(key, label, tooltip, Kind.BOOLEAN, "", 0, 1, 1, List.of());
    }

    public static FieldSpec choice(String key, String label, List<String> choices, String tooltip) {
        return new FieldSpec(key, label, tooltip, Kind.CHOICE, "", 0, 0, 0, choices);
    }

    public static FieldSpec integers(String key, String label, String unit, long min, long max, String tooltip) {
        return new FieldSpec(key, label, tooltip, Kind.INTEGER_LIST, unit, min, max, 1, List.of());
    }

    public static FieldSpec text(String key, String label, String tooltip) {
        return new FieldSpec(key, label, tooltip, Kind.TEXT, "", 0, 0, 0, List.of());
    }

    /** The last segment of the key: the CRD field name. */
    public String fieldName() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** Why {@code text} is not a valid value, or empty when it is (blank is valid: the field is unset). */
    public Optional<String> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The typed value of {@code text}: Long, IstioDuration, Boolean, String (CHOICE, TEXT) or List of Long;
     * null for blank.
     *
     * @throws IllegalArgumentException with a message naming the field and the allowed values
     */
    public Object parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.trim();
        switch (kind) {
            case INTEGER:
                return inRange(number(s));
            case INTEGER_LIST: {
                List<Long> values = new ArrayList<>();
                for (String part : s.split("[,\\s]+")) {
                    if (!part.isEmpty()) {
                        values.add(inRange(number(part)));
                    }
                }
                return List.copyOf(values);
            }
            case DURATION: {
                IstioDuration d;
                try {
                    d = IstioDuration.parse(s);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new IllegalArgumentException(label + ": '" + s + "' is not a duration; write it like 30s, 250ms, 5m or 1h");
                }
                long millis = d.value().toMillis();
                if (d.value().compareTo(java.time.Duration.ofMillis(min)) < 0 || d.value().compareTo(java.time.Duration.ofMillis(max)) > 0) {
                    throw new IllegalArgumentException(label + " must be between " + IstioDuration.ofMillis(min) + " and "
                            + IstioDuration.ofMillis(max) + "; " + d + " is outside that range");
                }
                return d;
            }
            case BOOLEAN: {
                String lower = s.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return Boolean.valueOf(lower);
                }
                throw new IllegalArgumentException(label + " is true or false, not '" + s + "'");
            }
            case CHOICE:
                if (choices.contains(s)) {
                    return s;
                }
                throw new IllegalArgumentException(label + " is one of " + String.join(", ", choices) + ", not '" + s + "'");
            default:
                return s;
        }
    }

    /** The text a control shows for {@code value} (the inverse of {@link #parse}); "" for null. */
    public String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + ": '" + s + "' is not a whole number");
        }
    }

    private long inRange(long value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(label + " must be between " + min + " and " + max
                    + (unit.isEmpty() ? "" : " " + unit) + "; " + value + " is outside that range");
        }
        return value;
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
