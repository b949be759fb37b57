package dev.meshdeck.app.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as SREs write them on a command line: 30s, 1m, 2h (as Prometheus does), and ages as kubectl prints them. */
final class DurationText {

    private static final Pattern DURATION = Pattern.compile("(\\d+)([smh])");

    private DurationText() {
    }

    /**
     * @param option the option being read, named in the error
     * @throws IllegalArgumentException naming the option and the value when it is not a positive duration
     */
    static Duration parse(String option, String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(option + " " + text + ": give a duration such as 30s, 1m or 5m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
