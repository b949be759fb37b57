package dev.meshdeck.core.logs;

import java.time.Duration;
import java.util.Optional;

/**
 * Which of a function's lines to read.
 *
 * @param since     how far back; empty for all the runtime keeps
 * @param container the container of each pod; empty for the function's own container (not the sidecar)
 * @param version   only the pods of this version; empty for every version
 * @param filter    only the lines it matches; empty for all
 * @param follow    keep delivering new lines after the history
 * @param previous  the previous (crashed) container's lines instead of the running one's
 */
public record LogQuery(Optional<Duration> since, Optional<String> container, Optional<String> version,
                       Optional<LogFilter> filter, boolean follow, boolean previous) {

    public LogQuery {
        if (since.isPresent() && (since.get().isNegative() || since.get().isZero())) {
            throw new IllegalArgumentException("--since must be a positive duration, got " + since.get());
        }
    }

    /** Every line of the last {@code since}, of the function's own container, not followed. */
    public static LogQuery recent(Duration since) {
        return new LogQuery(Optional.of(since), Optional.empty(), Optional.empty(), Optional.empty(), false, false);
    }

    public boolean keeps(LogLine line) {
        return filter.map(f -> f.matches(line)).orElse(true);
    }
}
