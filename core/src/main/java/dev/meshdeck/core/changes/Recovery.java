package dev.meshdeck.core.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings an apply that a crash interrupted (its journal entry still in progress) to an end, by comparing each
 * recorded object with the cluster: completing writes the changes that did not land, reverting puts back
 * those that did. Either is a new change set through the pipeline, so it is validated and conflict-checked
 * too; an object someone else changed meanwhile is reported as a conflict.
 */
public final class Recovery {

    public enum Choice { COMPLETE, REVERT }

    private final ApplyPipeline pipeline;

    public Recovery(ApplyPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** The interrupted applies this history knows of, oldest first. */
    public List<HistoryEntry> pending() {
        List<HistoryEntry> unfinished = new ArrayList<>(pipeline.history().unfinished());
        java.util.Collections.reverse(unfinished);
        return unfinished;
    }

    /** The change set {@code choice} would apply for {@code entry}; empty when the cluster is already there. */
    public ChangeSet plan(HistoryEntry entry, Choice choice) throws GatewayException {
        List<ResourceChange> out = new ArrayList<>();
        List<ResourceChange> recorded = choice == Choice.REVERT ? entry.changes().inverse().changes() : entry.changes().changes();
        for (ResourceChange change : recorded) {
            // for a revert, "before" is what the interrupted apply wrote and "after" what was there before it
            Optional<ObjectNode> live = pipeline.gateway().read(change.target());
            ObjectNode now = live.orElse(null);
            if (reached(now, change.after())) {
                continue;
            }
            if (reached(now, change.before())) {
                out.add(new ResourceChange(change.target(), now, change.after()));
            } else {
                // neither state: someone else changed it; the pipeline will report the conflict
                out.add(change);
            }
        }
        return new ChangeSet(out);
    }

    /** Completes or reverts {@code entry} and marks it recovered when that succeeded. */
    public ApplyOutcome recover(HistoryEntry entry, Choice choice, ApplyProgress progress) throws GatewayException {
        ChangeSet changes = plan(entry, choice);
        ApplyOutcome outcome = changes.isEmpty() ? new ApplyOutcome.Applied(changes)
                : pipeline.planAndApply(changes, request(entry, choice), progress);
        if (outcome.applied()) {
            markRecovered(entry, choice);
        }
        return outcome;
    }

    /** The history's words for the recovery change set of {@code entry}. */
    public static ApplyRequest request(HistoryEntry entry, Choice choice) {
        return new ApplyRequest((choice == Choice.COMPLETE ? "complete" : "revert") + " interrupted change set "
                + entry.id(), Action.RECOVERY, entry.id(), entry.subject());
    }

    /** Ends the interrupted entry once its recovery change set was applied. */
    public void markRecovered(HistoryEntry entry, Choice choice) {
        pipeline.history().finish(entry.id(), Status.RECOVERED,
                (choice == Choice.COMPLETE ? "completed" : "reverted") + " by a recovery change set");
    }

    /** Whether the live object is in {@code state} (both absent counts). */
    private static boolean reached(ObjectNode live, ObjectNode state) {
        if (live == null || state == null) {
            return live == state;
        }
        return Json.contains(YamlRenderer.forReview(live), YamlRenderer.forReview(state));
    }
}
