package dev.meshdeck.core.changes.history;

import dev.meshdeck.core.changes.ChangeSet;
import java.time.Instant;
import java.util.List;

/**
 * One recorded change set. Its changes hold each object before and after; an after is the object as stored
 * by the server (with the resourceVersion it got) once written. Secret values are masked.
 *
 * @param finished  null while in progress
 * @param relatesTo the entry this one rolls back, fails back from or recovers; null otherwise
 * @param written   for each change, whether it was written (the journal's progress)
 */
public record HistoryEntry(long id, Instant started, Instant finished, String target, String identity,
                           String reason, Action action, Long relatesTo, String subject, Status status,
                           String detail, ChangeSet changes, List<Boolean> written) {

    public HistoryEntry {
        written = List.copyOf(written);
    }
}
