package dev.meshdeck.core.changes;

import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;

/** Undoing a recorded change set: a new change set from each object's recorded after back to its before. */
public final class Rollbacks {

    private Rollbacks() {
    }

    /**
     * The change set that undoes {@code entry}. Its before states are the objects as MeshDeck stored them
     * (with the versions they got), so anything changed since is a conflict, not overwritten.
     *
     * @throws IllegalArgumentException when the entry was never applied
     */
    public static ChangeSet of(HistoryEntry entry) {
        if (entry.status() != Status.APPLIED) {
            throw new IllegalArgumentException("change set " + entry.id() + " is " + entry.status().name().toLowerCase(
                    java.util.Locale.ROOT).replace('_', ' ') + ", not applied: there is nothing of it to roll back"
                    + (entry.status() == Status.IN_PROGRESS ? "; finish or revert it with `meshdeck recover`" : ""));
        }
        return entry.changes().inverse();
    }

    public static ApplyRequest request(HistoryEntry entry, String reason) {
        return new ApplyRequest(reason == null || reason.isBlank() ? "rollback of change set " + entry.id() : reason,
                Action.ROLLBACK, entry.id(), entry.subject());
    }
}
