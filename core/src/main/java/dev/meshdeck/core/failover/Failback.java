package dev.meshdeck.core.failover;

import dev.meshdeck.core.changes.Rollbacks;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.changes.history.ChangeHistory;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ending a failover: exactly the routing recorded before it comes back, by rolling back the failover's change
 * set. The rollback's before states are the objects as the failover left them, so anything changed since is a
 * conflict that is shown, never overwritten.
 */
public final class Failback {

    private Failback() {
    }

    /**
     * The newest failover of {@code subject} that a pipeline to {@code target} reaches ({@link WriteTarget#reaches}),
     * applied and not failed back yet.
     */
    public static Optional<HistoryEntry> activeFailover(ChangeHistory history, WriteTarget target, String subject) {
        return activeFailovers(history, subject).stream().filter(e -> target.reaches(e.target())).findFirst();
    }

    /** The applied failovers of {@code subject} not failed back yet, on any target, newest first. */
    public static List<HistoryEntry> activeFailovers(ChangeHistory history, String subject) {
        Set<Long> failedBack = new HashSet<>();
        List<HistoryEntry> active = new ArrayList<>();
        for (HistoryEntry e : history.entries()) {
            if (!e.subject().equals(subject) || e.status() != Status.APPLIED) {
                continue;
            }
            if (e.action() == Action.FAILBACK && e.relatesTo() != null) {
                failedBack.add(e.relatesTo());
            } else if (e.action() == Action.FAILOVER && !failedBack.contains(e.id())) {
                active.add(e);
            }
        }
        return active;
    }

    /** Functions of {@code subjects} that are failed over on {@code target} now, for a view's badge. */
    public static List<String> failedOver(ChangeHistory history, WriteTarget target, List<String> subjects) {
        return subjects.stream().filter(s -> activeFailover(history, target, s).isPresent()).toList();
    }

    /**
     * The failback of {@code subject}'s active failover.
     *
     * @throws IllegalStateException when it has none on {@code target}
     */
    public static FunctionChange of(ChangeHistory history, WriteTarget target, String subject, String reason) {
        HistoryEntry failover = activeFailover(history, target, subject).orElseThrow(() -> new IllegalStateException(
                subject + " has no failover on " + target.label() + " to fail back from (see `meshdeck history`)"));
        return new FunctionChange(subject, "Fail " + subject + " back (undo change set " + failover.id() + ": "
                + failover.reason() + ")", Rollbacks.of(failover),
                FunctionChange.request(reason, "failback of change set " + failover.id(), Action.FAILBACK, failover.id(), subject));
    }
}
