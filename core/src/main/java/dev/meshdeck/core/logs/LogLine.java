package dev.meshdeck.core.logs;

import java.time.Instant;
import java.util.Comparator;

/**
 * One line a function wrote, as the SRE reads it next to its neighbours from other pods.
 *
 * @param time      when it was written (the runtime's timestamp, not when it was read)
 * @param source    the pod (or Lambda log stream) that wrote it
 * @param version   the function version that pod runs, "" when it has none
 * @param container the container that wrote it ("" for a Lambda log stream)
 * @param text      the line without its timestamp
 */
public record LogLine(Instant time, String source, String version, String container, String text) {

    /** Oldest first; lines of the same instant by source, so a merge is repeatable. */
    public static final Comparator<LogLine> BY_TIME = Comparator.comparing(LogLine::time)
            .thenComparing(LogLine::source);

    /** What `meshdeck logs` prints: the line prefixed with its pod (and version). */
    public String prefixed() {
        return "[" + source + (version.isEmpty() ? "" : " " + version) + "] " + text;
    }
}
