package dev.meshdeck.core.monitoring;

/**
 * A silence an Alertmanager holds: while active, the alerts its matchers match are not notified.
 *
 * @param id the Alertmanager's id, which {@code alerts unsilence} expires
 */
public record Silence(String id, Status status, SilenceSpec spec) {

    /** Alertmanager's silence states: not started yet, in force, or over (expired early or ended). */
    public enum Status {
        PENDING, ACTIVE, EXPIRED
    }
}
