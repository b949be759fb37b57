package dev.meshdeck.core.changes.history;

/** Where a recorded change set stands. */
public enum Status {
    /** Journaled and being written, or interrupted by a crash: `meshdeck recover` finishes or reverts it. */
    IN_PROGRESS,
    APPLIED,
    /** A write failed and every earlier write was undone. */
    ROLLED_BACK,
    /** A write failed and not every earlier write could be undone: see the detail. */
    FAILED,
    /** Someone changed an object during the apply; the earlier writes were undone. */
    CONFLICT,
    /** An interrupted apply, since completed or reverted by a recovery entry. */
    RECOVERED
}
