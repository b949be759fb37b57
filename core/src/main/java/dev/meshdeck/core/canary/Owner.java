package dev.meshdeck.core.canary;

import java.time.Duration;
import java.time.Instant;

/**
 * The process driving a run and when it last said so. A run whose owner fell silent (the process was killed, the
 * laptop slept) is interrupted: it waits for a person to resume it on fresh metrics or abort it.
 */
public record Owner(long pid, Instant heartbeat) {

    /** Silence longer than this means nobody drives the run: its process beats every second. */
    public static final Duration SILENCE = Duration.ofSeconds(10);

    public boolean alive(Instant now) {
        return !heartbeat.plus(SILENCE).isBefore(now);
    }
}
