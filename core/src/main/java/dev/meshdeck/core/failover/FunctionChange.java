package dev.meshdeck.core.failover;

import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeReview;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.history.Action;
import java.util.concurrent.Executor;

/**
 * An incident action on one function, ready for the apply pipeline: a failover, a failback, a restart, a
 * scale, a promotion or an undo. Each is an ordinary change set, so it is validated, dry-run, confirmed,
 * recorded in the history and can be rolled back like any other.
 *
 * @param subject    the function, as the history records it ({@link LiveFunction#subject()})
 * @param title   what the confirm dialog and the terminal ask: "Fail payments/payment-function over to ..."
 */
public record FunctionChange(String subject, String title, ChangeSet changes, ApplyRequest request) {

    /** The confirm dialog's model (plan, confirm, progress, outcome) for this change. */
    public ChangeReview review(ApplyPipeline pipeline, Executor worker) {
        return new ChangeReview(pipeline, changes, request, worker);
    }

    /** The history's request: the person's reason, else {@code fallback}. */
    static ApplyRequest request(String reason, String fallback, Action action, Long relatesTo, String subject) {
        return new ApplyRequest(reason == null || reason.isBlank() ? fallback : reason, action, relatesTo, subject);
    }

    /** The same change overriding the validation gate's errors for {@code reason} (see {@link ApplyRequest#forced}). */
    public FunctionChange forced(String reason) {
        return new FunctionChange(subject, title, changes, request.forced(reason));
    }

    /** Plans and applies at once, for a caller that has the person's consent already (`--yes`, bulk). */
    public ApplyOutcome apply(ApplyPipeline pipeline, ApplyProgress progress) {
        return pipeline.planAndApply(changes, request, progress);
    }
}
