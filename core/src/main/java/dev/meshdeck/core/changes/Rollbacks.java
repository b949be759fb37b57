package dev.meshdeck.core.changes;

import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;
import dev.meshdeck.core.validation.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * What "undo last action" rolls back: the newest applied change set that no applied rollback undid yet (a
     * rollback itself counts, so undoing twice re-applies). Empty when there is none.
     *
     * @param entries the history, newest first
     */
    public static Optional<HistoryEntry> lastUndoable(List<HistoryEntry> entries) {
        return entries.stream().filter(e -> e.status() == Status.APPLIED)
                .filter(e -> rolledBackBy(e, entries).isEmpty()).findFirst();
    }

    /**
     * Why a rollback of {@code entry} is refused with {@code errors}: the later applied change sets that changed
     * other objects in the namespaces of the errors (a DestinationRule whose subset the restored route needs, a
     * Service its host names), newest first, each named with when and why.
     *
     * @param entries the history, newest first
     */
    public static List<String> brokenBy(HistoryEntry entry, List<HistoryEntry> entries, List<Finding> errors) {
        Set<ResourceId> undone = entry.changes().changes().stream().map(ResourceChange::target).collect(Collectors.toSet());
        Set<String> namespaces = errors.stream().map(f -> f.resource().namespace()).collect(Collectors.toSet());
        List<String> blamed = new ArrayList<>();
        for (HistoryEntry later : entries) {
            if (later.id() <= entry.id() || later.status() != Status.APPLIED) {
                continue;
            }
            List<String> touched = later.changes().changes().stream().map(ResourceChange::target)
                    .filter(t -> !undone.contains(t) && namespaces.contains(t.namespace())).map(ResourceId::toString).toList();
            if (!touched.isEmpty()) {
                blamed.add("change set " + later.id() + " (" + later.started().toString().substring(0, 19).replace('T', ' ')
                        + (later.reason().isEmpty() ? "" : ", " + later.reason()) + ") changed " + String.join(", ", touched)
                        + " since change set " + entry.id() + ", which the rolled-back objects refer to: roll it back first"
                        + " or fix the reference");
            }
        }
        return blamed;
    }

    /** The applied rollback that undid {@code entry}, if any. */
    public static Optional<HistoryEntry> rolledBackBy(HistoryEntry entry, List<HistoryEntry> entries) {
        return entries.stream().filter(e -> e.action() == Action.ROLLBACK && e.status() == Status.APPLIED)
                .filter(e -> Long.valueOf(entry.id()).equals(e.relatesTo())).findFirst();
    }
}
