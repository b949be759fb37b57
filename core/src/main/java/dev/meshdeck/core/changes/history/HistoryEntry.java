package dev.meshdeck.core.changes.history;

import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.WriteTarget;
import java.time.Instant;
import java.util.List;

/**
 * One recorded change set. Its changes hold each object before and after; an after is the object as stored
 * by the server (with the resourceVersion it got) once written. Secret values are masked.
 *
 * @param finished   null while in progress
 * @param relatesTo  the entry this one rolls back, fails back from or recovers; null otherwise
 * @param written    for each change, whether it was written (the journal's progress)
 * @param forced     written with {@code --force}: the validation gate's errors were overridden
 * @param overridden the errors a forced change set was written despite
 */
public record HistoryEntry(long id, Instant started, Instant finished, WriteTarget target, String identity,
                           String reason, Action action, Long relatesTo, String subject, Status status,
                           String detail, ChangeSet changes, List<Boolean> written, boolean forced,
                           List<OverriddenFinding> overridden) {

    public HistoryEntry {
        written = List.copyOf(written);
        overridden = List.copyOf(overridden);
    }

    /** An entry that was not forced. */
    public HistoryEntry(long id, Instant started, Instant finished, WriteTarget target, String identity, String reason,
                        Action action, Long relatesTo, String subject, Status status, String detail, ChangeSet changes,
                        List<Boolean> written) {
        this(id, started, finished, target, identity, reason, action, relatesTo, subject, status, detail, changes, written,
                false, List.of());
    }
}
