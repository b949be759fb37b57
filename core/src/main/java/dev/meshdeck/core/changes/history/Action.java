package dev.meshdeck.core.changes.history;

/** What kind of change a history entry records. */
public enum Action {
    APPLY, ROLLBACK, FAILOVER, FAILBACK,
    /** A canary made the whole: an alias (or route) moved to its candidate version, weights cleared. */
    PROMOTE,
    /** Finishing or undoing an apply that a crash interrupted. */
    RECOVERY
}
