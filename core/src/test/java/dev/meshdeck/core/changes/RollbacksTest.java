package dev.meshdeck.core.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which change set "undo last action" undoes. */
class RollbacksTest {

    private static HistoryEntry entry(long id, Action action, Long relatesTo, Status status) {
        return new HistoryEntry(id, Instant.EPOCH, Instant.EPOCH, new WriteTarget.KubeContext("sandbox"), "me", "", action, relatesTo, "",
                status, "", new ChangeSet(List.of()), List.of());
    }

    @Test
    void undoLastSkipsWhatFailedOrWasAlreadyRolledBack() {
        List<HistoryEntry> newestFirst = List.of(
                entry(4, Action.APPLY, null, Status.CONFLICT),
                entry(3, Action.ROLLBACK, 2L, Status.APPLIED),
                entry(2, Action.APPLY, null, Status.APPLIED),
                entry(1, Action.APPLY, null, Status.APPLIED));

        assertThat(Rollbacks.lastUndoable(newestFirst)).map(HistoryEntry::id)
                .as("the rollback 3 is itself the last action").hasValue(3L);
        assertThat(Rollbacks.rolledBackBy(newestFirst.get(2), newestFirst)).map(HistoryEntry::id).hasValue(3L);
        assertThat(Rollbacks.rolledBackBy(newestFirst.get(3), newestFirst)).isEmpty();
    }

    @Test
    void nothingToUndoWithoutAnAppliedChangeSet() {
        assertThat(Rollbacks.lastUndoable(List.of(entry(1, Action.APPLY, null, Status.ROLLED_BACK)))).isEmpty();
    }
}
