package dev.meshdeck.core.changes;

import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;
import dev.meshdeck.core.validation.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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

    /** How many later change sets a refused rollback looks back through to find what broke its references. */
    static final int TRACED = 20;

    /**
     * Why a rollback of {@code entry} is refused with {@code errors}: the later applied change sets that broke
     * the references, newest first, each named with when and why. Traced, not guessed: the later change sets
     * are undone one by one on the live estate, newest first, and the rollback judged again each time
     * ({@code judgeWithUndone}); the change set whose undoing clears an error is the one that broke it.
     *
     * @param entries         the history, newest first
     * @param judgeWithUndone the rollback's errors with the given later changes undone on the live estate
     */
    public static List<String> brokenBy(HistoryEntry entry, List<HistoryEntry> entries, List<Finding> errors,
            Function<List<ResourceChange>, List<Finding>> judgeWithUndone) {
        Set<ResourceId> undone = entry.changes().changes().stream().map(ResourceChange::target).collect(Collectors.toSet());
        Set<String> open = errors.stream().map(Rollbacks::key).collect(Collectors.toCollection(HashSet::new));
        List<ResourceChange> undoneSoFar = new ArrayList<>();
        List<String> blamed = new ArrayList<>();
        List<HistoryEntry> later = entries.stream().filter(e -> e.id() > entry.id() && e.status() == Status.APPLIED)
                .limit(TRACED).toList();
        for (HistoryEntry l : later) {
            if (open.isEmpty()) {
                break;
            }
            undoneSoFar.addAll(l.changes().inverse().changes());
            Set<String> remaining = judgeWithUndone.apply(List.copyOf(undoneSoFar)).stream().map(Rollbacks::key)
                    .collect(Collectors.toSet());
            List<String> cleared = open.stream().filter(k -> !remaining.contains(k)).sorted().toList();
            if (cleared.isEmpty()) {
                continue;
            }
            open.removeAll(cleared);
            List<String> touched = l.changes().changes().stream().map(ResourceChange::target)
                    .filter(t -> !undone.contains(t)).map(ResourceId::toString).toList();
            blamed.add("change set " + l.id() + " (" + l.started().toString().substring(0, 19).replace('T', ' ')
                    + (l.reason().isEmpty() ? "" : ", " + l.reason()) + ") changed " + String.join(", ", touched)
                    + " since change set " + entry.id() + ", which the rolled-back objects refer to ("
                    + String.join("; ", cleared) + "): roll it back first or fix the reference");
        }
        return blamed;
    }

    /** An error as the trace compares it: what, where (the message may name the estate's state). */
    private static String key(Finding f) {
        return f.code() + " " + f.resource() + (f.path().isEmpty() ? "" : " " + f.path());
    }

    /** The applied rollback that undid {@code entry}, if any. */
    public static Optional<HistoryEntry> rolledBackBy(HistoryEntry entry, List<HistoryEntry> entries) {
        return entries.stream().filter(e -> e.action() == Action.ROLLBACK && e.status() == Status.APPLIED)
                .filter(e -> Long.valueOf(entry.id()).equals(e.relatesTo())).findFirst();
    }
}
