package dev.meshdeck.core.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ApplyProgress.Phase;
import dev.meshdeck.core.changes.ApplyProgress.Step;
import dev.meshdeck.core.changes.history.AuditEvent;
import dev.meshdeck.core.changes.history.AuditLog;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.changes.history.ChangeHistory;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.OverriddenFinding;
import dev.meshdeck.core.changes.history.Status;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.LiveEstate;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies change sets safely: validate, compare with the live objects, server dry run, then (once the person
 * confirmed the plan) journal, write each object with its resourceVersion as precondition, read everything
 * back and verify. When anything fails, every object already written is put back to its before state and the
 * outcome says exactly what happened to each. An object changed by someone else is a
 * {@link ApplyOutcome.Conflict}, never overwritten. A validation error refuses the change set unless the person
 * forces it with a reason (an emergency); the history and audit log then record the errors overridden.
 */
public final class ApplyPipeline {

    private final ClusterGateway gateway;
    private final ChangeHistory history;
    private final AuditLog audit;
    private final ProductionGuard guard;

    public ApplyPipeline(ClusterGateway gateway, ChangeHistory history, AuditLog audit, ProductionGuard guard) {
        this.gateway = gateway;
        this.history = history;
        this.audit = audit;
        this.guard = guard;
    }

    public ClusterGateway gateway() {
        return gateway;
    }

    public ChangeHistory history() {
        return history;
    }

    /**
     * Checks a change set without writing anything. The gate comes first: every candidate is judged against the
     * target's live objects as it would stand once written (see {@link LiveEstate#validate}); an error refuses
     * the change set unless {@code request} is {@linkplain ApplyRequest#forced() forced}.
     */
    public Plan plan(ChangeSet changes, ApplyRequest request, ApplyProgress progress) {
        int total = changes.size();
        progress.step(new Step(Phase.VALIDATE, null, -1, total, ""));
        List<String> refusals = new ArrayList<>();
        List<Finding> findings = List.of();
        LiveEstate estate = LiveEstate.EMPTY;
        try {
            estate = gateway.estate();
            findings = validate(changes, estate);
        } catch (GatewayException e) {
            refusals.add("the live objects of " + gateway.target().label() + " cannot be read to check what the change"
                    + " refers to: " + e.getMessage());
        }
        guard.refusal(gateway.target().label()).ifPresent(refusals::add);
        for (ResourceChange c : changes.changes()) {
            if (!gateway.accepts(c.target())) {
                refusals.add(c.target() + ": not writable through " + gateway.target().label());
            } else if (SecretMask.isMasked(c.after())) {
                refusals.add(c.target() + ": the history keeps no Secret values (nor a ConfigMap's credential-looking ones), so"
                        + " this object cannot be written back from it;"
                        + " restore it from its source");
            } else if (c.operation() != ResourceChange.Operation.CREATE && c.expectedVersion() == null) {
                refusals.add(c.target() + ": its before state has no resourceVersion, so it cannot be written without"
                        + " overwriting blindly; read it from the cluster first");
            }
        }
        List<Finding> errors = errors(findings);
        boolean gateRefuses = !errors.isEmpty() && !request.forced();
        if (gateRefuses) {
            refusals.addAll(brokenSince(request, changes, estate, errors));
        }
        if (gateRefuses || !refusals.isEmpty()) {
            return new Plan(changes, findings, Optional.of(new ApplyOutcome.Rejected(errors, refusals)));
        }
        Optional<ApplyOutcome> conflict = conflicts(changes, progress);
        if (conflict.isPresent()) {
            return new Plan(changes, findings, conflict);
        }
        for (int i = 0; i < total; i++) {
            ResourceChange c = changes.changes().get(i);
            progress.step(new Step(Phase.DRY_RUN, c.target(), i, total, ""));
            try {
                gateway.dryRun(c);
            } catch (GatewayException e) {
                refusals.add(c.target() + ": the server's dry run refused it: " + e.getMessage());
            }
        }
        Optional<ApplyOutcome> refusal = refusals.isEmpty() ? Optional.empty()
                : Optional.of(new ApplyOutcome.Rejected(List.of(), refusals));
        return new Plan(changes, findings, refusal);
    }

    /** For a refused rollback: the later change sets that changed what it refers to (see {@link Rollbacks#brokenBy}). */
    private List<String> brokenSince(ApplyRequest request, ChangeSet changes, LiveEstate estate, List<Finding> errors) {
        if (request.action() != Action.ROLLBACK || request.relatesTo() == null) {
            return List.of();
        }
        List<HistoryEntry> entries = history.entries();
        return entries.stream().filter(e -> e.id() == request.relatesTo()).findFirst()
                .map(undone -> Rollbacks.brokenBy(undone, entries, errors,
                        laterUndone -> errors(validate(changes, undoing(estate, laterUndone)))))
                .orElse(List.of());
    }

    /**
     * The estate as it was before {@code undo}'s after states were written: each object back to its before, in one
     * pass over the estate. Later entries undo older change sets, so an object changed twice goes back to the state
     * of its last entry, its oldest.
     */
    private static LiveEstate undoing(LiveEstate estate, List<ResourceChange> undo) {
        Map<ResourceId, ResourceChange> oldest = new LinkedHashMap<>();
        List<ObjectNode> gone = new ArrayList<>();
        for (ResourceChange c : undo) {
            oldest.put(c.target(), c);
            if (c.before() != null) {
                gone.add(c.before());
            }
        }
        List<ObjectNode> back = oldest.values().stream().map(ResourceChange::after).filter(Objects::nonNull).toList();
        return estate.replacing(gone, back);
    }

    /** Plans and, when the plan is ready, applies at once: for callers that confirmed beforehand (`--yes`). */
    public ApplyOutcome planAndApply(ChangeSet changes, ApplyRequest request, ApplyProgress progress) {
        Plan plan = plan(changes, request, progress);
        return plan.refusal().orElseGet(() -> apply(plan, request, progress));
    }

    /** Writes a plan the person confirmed. A refused plan answers its refusal. */
    public ApplyOutcome apply(Plan plan, ApplyRequest request, ApplyProgress progress) {
        if (plan.refusal().isPresent()) {
            return plan.refusal().get();
        }
        ChangeSet changes = plan.changes();
        List<Finding> overridden = errors(plan.findings());
        if (!overridden.isEmpty() && !request.forced()) {
            return new ApplyOutcome.Rejected(overridden, List.of());
        }
        Optional<String> locked = guard.refusal(gateway.target().label());
        if (locked.isPresent()) {
            record("apply", "", "refused", locked.get(), null);
            return new ApplyOutcome.Rejected(List.of(), List.of(locked.get()));
        }
        // the plan may be minutes old: someone may have changed an object while the person read the diff
        Optional<ApplyOutcome> conflict = conflicts(changes, progress);
        if (conflict.isPresent()) {
            record("apply", "", "conflict", changes.summary(), null);
            return conflict.get();
        }
        progress.step(new Step(Phase.JOURNAL, null, -1, changes.size(), ""));
        long id = history.begin(gateway.target(), gateway.identity(), request, changes,
                overridden.stream().map(OverriddenFinding::of).toList());
        if (request.forced()) {
            record("force", "", overridden.isEmpty() ? "no-findings" : "overridden", request.reason() + ": "
                    + overridden.stream().map(Finding::toCompilerLine).collect(Collectors.joining("; ")), id);
        }
        ApplyOutcome outcome = new Writer(id, changes, progress).run();
        history.finish(id, status(outcome), outcome.summary());
        record("apply", "", result(outcome), outcome.summary(), id);
        progress.step(new Step(Phase.DONE, null, -1, changes.size(), outcome.applied() ? "applied" : "not applied"));
        return outcome;
    }

    /** The candidates (the after states) judged against the estate, deleted objects gone from it. */
    private static List<Finding> validate(ChangeSet changes, LiveEstate estate) {
        List<Resource> candidates = new ArrayList<>();
        List<ObjectNode> deleted = new ArrayList<>();
        for (ResourceChange c : changes.changes()) {
            if (c.after() != null) {
                candidates.add(new Resource(c.after(), Optional.ofNullable(changes.sources().get(c.target())), true));
            } else if (c.before() != null) {
                deleted.add(c.before());
            }
        }
        return estate.validate(candidates, deleted);
    }

    private static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** The objects whose live state is no longer the change's before state, checked before any write. */
    private Optional<ApplyOutcome> conflicts(ChangeSet changes, ApplyProgress progress) {
        List<ConflictedResource> conflicts = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            ResourceChange c = changes.changes().get(i);
            progress.step(new Step(Phase.CHECK_CONFLICTS, c.target(), i, changes.size(), ""));
            LiveRead live = read(c.target());
            if (live.failed()) {
                return Optional.of(new ApplyOutcome.Rejected(List.of(), List.of(c.target() + ": " + live.failure())));
            }
            if (!unchangedSince(c.before(), live.orNull())) {
                conflicts.add(new ConflictedResource(c.target(), c.before(), live.orNull(), c.after()));
            }
        }
        return conflicts.isEmpty() ? Optional.empty() : Optional.of(new ApplyOutcome.Conflict(conflicts, "", List.of()));
    }

    /** An object read from the cluster: the object (empty when absent), or why it could not be read. */
    private record LiveRead(Optional<ObjectNode> object, String failure) {
        boolean failed() {
            return failure != null;
        }

        ObjectNode orNull() {
            return object.orElse(null);
        }
    }

    private LiveRead read(ResourceId id) {
        try {
            return new LiveRead(gateway.read(id), null);
        } catch (GatewayException e) {
            return new LiveRead(Optional.empty(), e.getMessage());
        }
    }

    /** Same version (or, without versions, same content); both absent counts as unchanged. */
    private static boolean unchangedSince(ObjectNode before, ObjectNode live) {
        if (before == null || live == null) {
            return before == live;
        }
        String expected = ResourceChange.resourceVersion(before);
        return expected != null ? expected.equals(ResourceChange.resourceVersion(live)) : Json.sameForReview(before, live);
    }

    private static Status status(ApplyOutcome outcome) {
        if (outcome instanceof ApplyOutcome.Applied) {
            return Status.APPLIED;
        }
        if (outcome instanceof ApplyOutcome.Conflict c) {
            return c.steps().stream().allMatch(s -> s.result().consistent()) ? Status.CONFLICT : Status.FAILED;
        }
        return outcome instanceof ApplyOutcome.RolledBack r && r.restoredAll() ? Status.ROLLED_BACK : Status.FAILED;
    }

    private static String result(ApplyOutcome outcome) {
        if (outcome instanceof ApplyOutcome.Applied) {
            return "ok";
        }
        if (outcome instanceof ApplyOutcome.Conflict) {
            return "conflict";
        }
        return outcome instanceof ApplyOutcome.Rejected ? "rejected" : "rolled-back";
    }

    private void record(String action, String resource, String result, String detail, Long entry) {
        audit.record(new AuditEvent(Instant.now(), gateway.target(), gateway.identity(), action, resource, result,
                detail, entry));
    }

    /** The writes of one journaled change set, and their undoing. */
    private final class Writer {

        private final long id;
        private final ChangeSet changes;
        private final ApplyProgress progress;
        /** What the server stored for each change written so far (null for a deletion). */
        private final List<ObjectNode> stored = new ArrayList<>();

        Writer(long id, ChangeSet changes, ApplyProgress progress) {
            this.id = id;
            this.changes = changes;
            this.progress = progress;
        }

        ApplyOutcome run() {
            int total = changes.size();
            for (int i = 0; i < total; i++) {
                ResourceChange c = changes.changes().get(i);
                progress.step(new Step(Phase.WRITE, c.target(), i, total, verb(c)));
                try {
                    ObjectNode result = write(c);
                    stored.add(result);
                    history.written(id, i, result);
                    record(verb(c), c.target().toString(), "ok", "", id);
                } catch (GatewayException e) {
                    record(verb(c), c.target().toString(), e.reason().name().toLowerCase(java.util.Locale.ROOT),
                            e.getMessage(), id);
                    return failed(i, e.reason(), e.getMessage());
                } catch (RuntimeException e) {
                    record(verb(c), c.target().toString(), "error", String.valueOf(e.getMessage()), id);
                    return failed(i, GatewayException.Reason.UNAVAILABLE, "unexpected failure: " + e.getMessage());
                }
            }
            for (int i = 0; i < total; i++) {
                ResourceChange c = changes.changes().get(i);
                progress.step(new Step(Phase.VERIFY, c.target(), i, total, ""));
                Optional<String> mismatch = verify(c);
                if (mismatch.isPresent()) {
                    return new ApplyOutcome.RolledBack(c.target(), mismatch.get(), restore(total, null));
                }
            }
            List<ResourceChange> written = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                ResourceChange c = changes.changes().get(i);
                written.add(new ResourceChange(c.target(), c.before(), stored.get(i)));
            }
            return new ApplyOutcome.Applied(new ChangeSet(written));
        }

        private ObjectNode write(ResourceChange c) throws GatewayException {
            switch (c.operation()) {
                case CREATE:
                    return gateway.create(forWrite(c.after(), null));
                case UPDATE:
                    return gateway.update(forWrite(c.after(), c.expectedVersion()), c.expectedVersion());
                default:
                    gateway.delete(c.target(), c.expectedVersion());
                    return null;
            }
        }

        private ApplyOutcome failed(int index, GatewayException.Reason reason, String message) {
            ResourceChange failed = changes.changes().get(index);
            if (reason == GatewayException.Reason.CONFLICT || reason == GatewayException.Reason.ALREADY_EXISTS) {
                List<RestoreStep> steps = restore(index, null);
                return new ApplyOutcome.Conflict(List.of(new ConflictedResource(failed.target(), failed.before(),
                        read(failed.target()).orNull(), failed.after())), message, steps);
            }
            return new ApplyOutcome.RolledBack(failed.target(), message, restore(index, reason.uncertain() ? failed : null));
        }

        private Optional<String> verify(ResourceChange c) {
            LiveRead live = read(c.target());
            if (live.failed()) {
                return Optional.of("cannot read it back to verify: " + live.failure());
            }
            if (c.after() == null) {
                return live.object().isPresent() ? Optional.of("it still exists after its deletion") : Optional.empty();
            }
            if (live.object().isEmpty()) {
                return Optional.of("it is missing when read back");
            }
            ObjectNode stored = YamlRenderer.forReview(live.orNull());
            ObjectNode written = YamlRenderer.forReview(c.after());
            if (!Json.contains(stored, written)) {
                return Optional.of("the server stored something else than was written (fields "
                        + Json.changes(written, stored).keySet() + " differ)");
            }
            return Optional.empty();
        }

        /**
         * Puts the first {@code count} changes back, last first; then {@code uncertain}, the change at
         * {@code count} whose write failed in a way that may still have stored it (null when it surely did not).
         */
        private List<RestoreStep> restore(int count, ResourceChange uncertain) {
            RestoreStep[] steps = new RestoreStep[changes.size()];
            for (int i = count - 1; i >= 0; i--) {
                ResourceChange c = changes.changes().get(i);
                progress.step(new Step(Phase.RESTORE, c.target(), i, changes.size(), ""));
                ObjectNode current = stored.get(i);
                steps[i] = undo(c, current, current == null ? null : ResourceChange.resourceVersion(current));
            }
            if (count < changes.size()) {
                steps[count] = uncertain != null ? undoUncertain(uncertain)
                        : new RestoreStep(changes.changes().get(count).target(), RestoreStep.Result.UNTOUCHED,
                                "its write was refused");
            }
            for (int i = count + 1; i < changes.size(); i++) {
                steps[i] = new RestoreStep(changes.changes().get(i).target(), RestoreStep.Result.UNTOUCHED, "not attempted");
            }
            return List.of(steps);
        }

        private RestoreStep undoUncertain(ResourceChange c) {
            LiveRead live = read(c.target());
            if (live.failed()) {
                return new RestoreStep(c.target(), RestoreStep.Result.FAILED, "its write may have happened and it cannot be"
                        + " read now (" + live.failure() + "); compare it with history entry " + id + " by hand");
            }
            if (Json.sameForReview(c.before(), live.orNull())) {
                return new RestoreStep(c.target(), RestoreStep.Result.UNTOUCHED, "the failed write did not change it");
            }
            boolean ours = c.after() == null ? live.object().isEmpty()
                    : live.object().isPresent()
                    && Json.contains(YamlRenderer.forReview(live.orNull()), YamlRenderer.forReview(c.after()));
            if (!ours) {
                return new RestoreStep(c.target(), RestoreStep.Result.LEFT_ALONE,
                        "it differs from both its before state and this change: someone else changed it");
            }
            return undo(c, live.orNull(), live.object().map(ResourceChange::resourceVersion).orElse(null));
        }

        /** Undoes one change written as {@code current} (null when it was a deletion). */
        private RestoreStep undo(ResourceChange c, ObjectNode current, String currentVersion) {
            String action = "restore-" + verb(c);
            try {
                RestoreStep.Result result;
                switch (c.operation()) {
                    case CREATE:
                        gateway.delete(c.target(), currentVersion);
                        result = RestoreStep.Result.DELETED;
                        break;
                    case UPDATE:
                        gateway.update(forWrite(c.before(), currentVersion), currentVersion);
                        result = RestoreStep.Result.RESTORED;
                        break;
                    default:
                        gateway.create(forWrite(c.before(), null));
                        result = RestoreStep.Result.RECREATED;
                }
                LiveRead now = read(c.target());
                if (now.failed() || !Json.sameForReview(c.before(), now.orNull())) {
                    record(action, c.target().toString(), "unverified", "", id);
                    return new RestoreStep(c.target(), RestoreStep.Result.FAILED,
                            "restored, but reading it back does not show its before state; check it by hand");
                }
                record(action, c.target().toString(), "ok", "", id);
                return new RestoreStep(c.target(), result, "");
            } catch (GatewayException e) {
                record(action, c.target().toString(), e.reason().name().toLowerCase(java.util.Locale.ROOT), e.getMessage(), id);
                if (e.reason() == GatewayException.Reason.CONFLICT) {
                    return new RestoreStep(c.target(), RestoreStep.Result.LEFT_ALONE,
                            "someone changed it after MeshDeck wrote it; its before state is in history entry " + id);
                }
                return new RestoreStep(c.target(), RestoreStep.Result.FAILED, e.getMessage()
                        + "; its before state is in history entry " + id);
            }
        }
    }

    /**
     * The object to send: as given without what the server owns or generates, with {@code resourceVersion} as
     * the precondition of an update (absent for a creation).
     */
    static ObjectNode forWrite(ObjectNode object, String resourceVersion) {
        ObjectNode copy = object.deepCopy();
        if (copy.get("metadata") instanceof ObjectNode metadata) {
            for (String owned : List.of("managedFields", "uid", "creationTimestamp", "generation", "selfLink",
                    "deletionTimestamp", "deletionGracePeriodSeconds", "resourceVersion")) {
                metadata.remove(owned);
            }
            if (resourceVersion != null) {
                metadata.put("resourceVersion", resourceVersion);
            }
        }
        return copy;
    }

    private static String verb(ResourceChange c) {
        return c.operation().name().toLowerCase(java.util.Locale.ROOT);
    }
}
