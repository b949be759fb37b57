package dev.meshdeck.core.canary;

/** Where a canary run stands. The first three are active: the function is the run's until it ends. */
public enum RunStatus {
    /** Watching the current step's interval. */
    RUNNING,
    /** Held by a person or a manual gate; nothing moves until resumed, promoted or aborted. */
    PAUSED,
    /** Every step passed; waiting for a person to confirm the promotion. */
    AWAITING_PROMOTION,
    /** The candidate takes all traffic. */
    PROMOTED,
    /** Stopped by failed checks or a person; the weights from before the run are back. */
    ABORTED,
    /** Stopped because someone else changed the weights meanwhile; nothing was overwritten. */
    CONFLICT,
    /** A write failed (the pipeline put the object back); the run stopped where it was. */
    FAILED,
    /** Promoted, then taken back to the state before the run. */
    ROLLED_BACK;

    public boolean active() {
        return this == RUNNING || this == PAUSED || this == AWAITING_PROMOTION;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
