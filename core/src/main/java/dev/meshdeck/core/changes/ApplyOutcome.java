package dev.meshdeck.core.changes;

import dev.meshdeck.core.validation.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** How an apply ended; each says exactly what happened to every object. */
public sealed interface ApplyOutcome {

    /** One paragraph for the terminal or the outcome dialog. */
    String summary();

    /** Whether the cluster holds the change set now. */
    default boolean applied() {
        return this instanceof Applied;
    }

    /** Every object written and verified by reading it back; {@code changes} hold the objects as read back. */
    record Applied(ChangeSet written) implements ApplyOutcome {
        @Override
        public String summary() {
            return "applied and verified: " + written.summary();
        }
    }

    /**
     * A write or the read-back verification failed: every object already written was restored to its before
     * state (see {@code steps}), nothing of the change set remains unless a step says otherwise.
     */
    record RolledBack(ResourceId failedAt, String failure, List<RestoreStep> steps) implements ApplyOutcome {
        public RolledBack {
            steps = List.copyOf(steps);
        }

        public boolean restoredAll() {
            return steps.stream().allMatch(s -> s.result().consistent());
        }

        @Override
        public String summary() {
            return "failed at " + failedAt + ": " + failure + "\n"
                    + (restoredAll() ? "nothing remains changed:" : "NOT everything could be restored:") + "\n"
                    + steps.stream().map(s -> "  " + s).collect(Collectors.joining("\n"));
        }
    }

    /**
     * Someone changed objects between load and apply. Nothing of the change set remains: when the conflict was
     * found during the writes, {@code failure} is what the server said and {@code steps} says how the earlier
     * writes were undone (both empty when it was found before the first write).
     */
    record Conflict(List<ConflictedResource> conflicts, String failure, List<RestoreStep> steps) implements ApplyOutcome {
        public Conflict {
            conflicts = List.copyOf(conflicts);
            steps = List.copyOf(steps);
        }

        /**
         * The change set rebased on the live objects: the conflicted objects replaced by my changes on top of
         * theirs. Empty when any conflict touches the same fields on both sides.
         */
        public Optional<ChangeSet> rebase(ChangeSet original) {
            List<ResourceChange> out = new ArrayList<>();
            for (ResourceChange change : original.changes()) {
                Optional<ConflictedResource> conflict = conflicts.stream()
                        .filter(c -> c.target().equals(change.target())).findFirst();
                if (conflict.isEmpty()) {
                    out.add(change);
                    continue;
                }
                Optional<ResourceChange> rebased = conflict.get().rebased();
                if (rebased.isEmpty()) {
                    return Optional.empty();
                }
                out.add(rebased.get());
            }
            return Optional.of(new ChangeSet(out));
        }

        @Override
        public String summary() {
            return "conflict: " + conflicts.stream().map(c -> c.target().toString()).collect(Collectors.joining(", "))
                    + " changed since it was loaded; nothing was overwritten"
                    + (failure.isEmpty() ? "" : "\n" + failure)
                    + (steps.isEmpty() ? "" : "\n" + steps.stream().map(s -> "  " + s).collect(Collectors.joining("\n")))
                    + "\n" + conflicts.stream().map(ConflictedResource::threeWayDiff).collect(Collectors.joining("\n"));
        }
    }

    /** Refused before anything was written: validation errors, or the server's dry run said no. */
    record Rejected(List<Finding> findings, List<String> refusals) implements ApplyOutcome {
        public Rejected {
            findings = List.copyOf(findings);
            refusals = List.copyOf(refusals);
        }

        @Override
        public String summary() {
            List<String> lines = new ArrayList<>();
            findings.forEach(f -> lines.add(f.toCompilerLine()));
            lines.addAll(refusals);
            return "rejected, nothing written:\n" + lines.stream().map(l -> "  " + l).collect(Collectors.joining("\n"));
        }
    }
}
