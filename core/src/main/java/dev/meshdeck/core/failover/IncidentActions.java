package dev.meshdeck.core.failover;

import dev.meshdeck.core.access.AccessReview;
import dev.meshdeck.core.access.Permissions;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.changes.history.ChangeHistory;
import dev.meshdeck.core.changes.history.HistoryEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * What a function offers in an incident now, for the window to enable and explain its buttons: the failover
 * targets to choose from (the configured backup first), the failover to fail back from, and why the identity
 * may not write the next step (failback when failed over, else failover to the first target). Reading the
 * history and asking the cluster may block: assess it off the FX thread.
 *
 * @param targetProblem why the targets could not be listed (a malformed configured backup), or ""
 */
public record IncidentActions(List<FailoverTargets.Option> targets, Optional<HistoryEntry> activeFailover,
                              Optional<String> denial, String targetProblem) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public IncidentActions {
        targets = List.copyOf(targets);
    }

    /**
     * @param target   where changes are written
     * @param identity who writes, for the denial's text
     */
    public static IncidentActions assess(LiveFunction fn, ChangeHistory history, WriteTarget target, AccessReview access,
                                         String identity) {
        List<FailoverTargets.Option> targets;
        String problem = "";
        try {
            targets = FailoverTargets.of(fn);
        } catch (IllegalArgumentException e) {
            targets = List.of();
            problem = e.getMessage();
        }
        Optional<HistoryEntry> active = Failback.activeFailover(history, target, fn.subject());
        Optional<FunctionChange> next;
        try {
            next = active.isPresent() ? Optional.of(Failback.of(history, target, fn.subject(), null))
                    : targets.stream().findFirst().map(o -> FailoverPlanner.failover(fn, o.target(), null));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the action itself will say why it cannot be planned; nothing to ask the cluster about
            next = Optional.empty();
        }
        Optional<String> denial = next.flatMap(c -> Permissions.check(access, identity, c.changes()).denial());
        return new IncidentActions(targets, active, denial, problem);
    }

    /** The configured backup, else the first target; empty when the function offers none. */
    public Optional<FailoverTargets.Option> preselected() {
        return targets.stream().filter(FailoverTargets.Option::configured).findFirst().or(() -> targets.stream().findFirst());
    }

    /** "Failed over at 2026-11-25 22:10:04 UTC (change set 7: db outage); fail back restores the routing before". */
    public Optional<String> failbackHint() {
        return activeFailover.map(e -> "Failed over at " + WHEN.format(e.started()) + " (change set " + e.id() + ": "
                + e.reason() + "); Fail back restores exactly the routing before it");
    }
}
