package dev.meshdeck.core.changes.history;

/** Where every mutation attempt is recorded, whether it succeeded or not. Never given a credential. */
@FunctionalInterface
public interface AuditLog {

    AuditLog NONE = event -> { };

    void record(AuditEvent event);
}
