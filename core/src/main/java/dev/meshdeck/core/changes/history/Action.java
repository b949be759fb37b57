package dev.meshdeck.core.changes.history;

/** What kind of change a history entry records. */
public enum Action {
    APPLY, ROLLBACK, FAILOVER, FAILBACK,
    /** Finishing or undoing an apply that a crash interrupted. */
    RECOVERY
}
