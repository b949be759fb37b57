package dev.meshdeck.core.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What a confirm dialog binds to, without JavaFX: plan → confirm (the diff) → progress → outcome. The work
 * runs on the given executor, never on the caller's thread; listeners are told of every new state on that
 * executor's thread (a JavaFX view re-posts with {@code Platform.runLater}).
 *
 * <pre>{@code
 * ChangeReview review = new ChangeReview(pipeline, changes, ApplyRequest.apply(reason), background);
 * review.addListener(state -> Platform.runLater(() -> show(state)));
 * review.plan();           // -> CONFIRM with state.plan().diff(), or REFUSED with state.outcome()
 * review.forced(reason);   // after a refusal by findings: a review overriding them (plan it again)
 * review.confirm();        // -> APPLYING with state.steps(), then DONE with state.outcome()
 * review.rebased();        // after a Conflict whose fields do not overlap: a new review of the rebased change set
 * }</pre>
 */
public final class ChangeReview {

    public enum Stage {
        /** Validating, checking for conflicts, dry run. */
        PLANNING,
        /** The plan is ready: show its diff and wait for the person. */
        CONFIRM,
        /** The plan cannot be applied: the outcome (Rejected or Conflict) says why. Nothing was written. */
        REFUSED,
        APPLYING,
        /** The outcome says what happened to every object. */
        DONE
    }

    /**
     * @param plan    null until planned
     * @param steps   progress so far, in order
     * @param outcome null until refused or done
     */
    public record State(Stage stage, Plan plan, List<ApplyProgress.Step> steps, ApplyOutcome outcome) {
        public State {
            steps = List.copyOf(steps);
        }
    }

    private final ApplyPipeline pipeline;
    private final ChangeSet changes;
    private final ApplyRequest request;
    private final Executor worker;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private final List<ApplyProgress.Step> steps = new ArrayList<>();
    private volatile State state;

    public ChangeReview(ApplyPipeline pipeline, ChangeSet changes, ApplyRequest request, Executor worker) {
        this.pipeline = pipeline;
        this.changes = changes;
        this.request = request;
        this.worker = worker;
        this.state = new State(Stage.PLANNING, null, List.of(), null);
    }

    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    public State state() {
        return state;
    }

    public ChangeSet changes() {
        return changes;
    }

    /** Where the change set is written. */
    public WriteTarget target() {
        return pipeline.gateway().target();
    }

    public ApplyRequest request() {
        return request;
    }

    /** Checks the change set (nothing is written); ends in CONFIRM or REFUSED. */
    public CompletableFuture<State> plan() {
        return CompletableFuture.supplyAsync(() -> {
            publish(new State(Stage.PLANNING, null, List.of(), null));
            Plan plan = pipeline.plan(changes, request, this::progress);
            return publish(plan.refusal().map(r -> new State(Stage.REFUSED, plan, steps(), r))
                    .orElseGet(() -> new State(Stage.CONFIRM, plan, steps(), null)));
        }, worker);
    }

    /** The person confirmed the diff: writes, ending in DONE. Refused unless the state is CONFIRM. */
    public CompletableFuture<State> confirm() {
        return confirm(request);
    }

    /**
     * Confirms with the reason the person typed in the dialog; a blank one keeps the request's own (a rollback
     * says which change set it undoes).
     */
    public CompletableFuture<State> confirm(String reason) {
        return confirm(request.because(reason));
    }

    private CompletableFuture<State> confirm(ApplyRequest confirmed) {
        State current = state;
        if (current.stage() != Stage.CONFIRM) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "nothing to confirm: the change set is " + current.stage().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return CompletableFuture.supplyAsync(() -> {
            publish(new State(Stage.APPLYING, current.plan(), steps(), null));
            ApplyOutcome outcome = pipeline.apply(current.plan(), confirmed, this::progress);
            return publish(new State(Stage.DONE, current.plan(), steps(), outcome));
        }, worker);
    }

    /**
     * After a conflict where both sides changed different fields: a review of my changes on top of the live
     * objects (plan it again). Empty when there was no conflict or it cannot be rebased.
     */
    public Optional<ChangeReview> rebased() {
        if (!(state.outcome() instanceof ApplyOutcome.Conflict conflict)) {
            return Optional.empty();
        }
        return conflict.rebase(changes).map(c -> new ChangeReview(pipeline, c, request, worker));
    }

    /**
     * After a refusal by validation errors: a review of the same changes that overrides them for {@code reason}
     * (plan it again). The history records it as forced, with the errors.
     *
     * @throws IllegalArgumentException when the reason is blank
     */
    public ChangeReview forced(String reason) {
        return new ChangeReview(pipeline, changes, request.forced(reason == null ? "" : reason.strip()), worker);
    }

    /** Whether the plan was refused for validation errors, which {@link #forced} may override. */
    public boolean forcible() {
        return state.outcome() instanceof ApplyOutcome.Rejected r && !r.findings().isEmpty();
    }

    private void progress(ApplyProgress.Step step) {
        synchronized (steps) {
            steps.add(step);
        }
        State current = state;
        publish(new State(current.stage(), current.plan(), steps(), current.outcome()));
    }

    private List<ApplyProgress.Step> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    private State publish(State next) {
        state = next;
        listeners.forEach(l -> l.accept(next));
        return next;
    }
}
