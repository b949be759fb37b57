package dev.meshdeck.core.changes.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.WriteTarget;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of change sets, and the journal of the one being written: {@link #begin} is called
 * before the first write, so an apply interrupted by a crash is found by {@link #unfinished()} at the next
 * start. Implementations mask Secret values ({@link dev.meshdeck.core.changes.SecretMask}) and never store a
 * credential.
 */
public interface ChangeHistory {

    /**
     * Journals a change set about to be written; answers its id.
     *
     * @param overridden the validation errors a forced request overrides (empty unless {@code request.forced()})
     */
    long begin(WriteTarget target, String identity, ApplyRequest request, ChangeSet changes,
               List<OverriddenFinding> overridden);

    /** Records that change {@code index} was written and what the server stored (null for a deletion). */
    void written(long id, int index, ObjectNode stored);

    /** Ends the entry. */
    void finish(long id, Status status, String detail);

    /** Every entry, newest first. */
    List<HistoryEntry> entries();

    Optional<HistoryEntry> entry(long id);

    /**
     * What `meshdeck recover` and the window's start offer to finish or revert: entries left
     * {@link Status#IN_PROGRESS} by an apply that did not finish (a crash), and {@link Status#FAILED} ones whose
     * earlier writes could not all be undone (a connection lost mid-apply).
     */
    default List<HistoryEntry> unfinished() {
        return entries().stream().filter(e -> e.status() == Status.IN_PROGRESS).toList();
    }
}
