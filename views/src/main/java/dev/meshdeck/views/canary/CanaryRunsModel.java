package dev.meshdeck.views.canary;

import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunStore;
import dev.meshdeck.core.canary.Control;
import dev.meshdeck.core.canary.IntervalRecord;
import dev.meshdeck.core.canary.LatencyLimit;
import dev.meshdeck.core.canary.RunStatus;
import dev.meshdeck.core.canary.CanaryActions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Canary tab without a screen: every stored run (several at once, one list), the one selected with its timeline,
 * the countdown to its next decision, and the requests a person may send it now. Requests go to the store, where
 * the process driving the run picks them up; a run nobody drives (interrupted) takes none: it is resumed or aborted
 * from a terminal, which drives it from then on.
 */
public final class CanaryRunsModel {

    private final CanaryRunStore store;
    private final CanaryActions actions;
    private final Executor background;
    private final Executor fx;
    /** Runs this window is taking over right now: a second click must not start a second driver. */
    private final Set<String> takingOver = ConcurrentHashMap.newKeySet();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<CanaryRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<CanaryRun> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(Instant.EPOCH);

    /** Requests only: interrupted runs are left to a terminal. */
    public CanaryRunsModel(CanaryRunStore store) {
        this(store, null, Runnable::run, Runnable::run);
    }

    /**
     * @param actions   what the window does with a run itself (take it over, save its plan), or null
     * @param background where the window acts on a run (a resumed run blocks it until the run ends)
     * @param fx         where its outcome is told (the FX thread)
     */
    public CanaryRunsModel(CanaryRunStore store, CanaryActions actions, Executor background, Executor fx) {
        this.store = store;
        this.actions = actions;
        this.background = background;
        this.fx = fx;
    }

    /** What the last actions did or why it failed, for the person who asked. */
    public ReadOnlyStringProperty message() {
        return message;
    }

    /** The runs nobody drives, as last read: what the window's start offers to resume or roll back. */
    public List<CanaryRun> interrupted() {
        return runs.stream().filter(r -> r.interrupted(now.get()) && !takingOver.contains(r.id())).toList();
    }

    public ObservableList<CanaryRun> runs() {
        return runs;
    }

    public ObjectProperty<CanaryRun> selected() {
        return selected;
    }

    public ReadOnlyObjectProperty<Instant> now() {
        return now;
    }

    /** The runs as read at {@code at}; the selection follows its run by id (the first run when none was selected). */
    public void show(List<CanaryRun> latest, Instant at) {
        String keep = selected.get() == null ? null : selected.get().id();
        now.set(at);
        runs.setAll(latest);
        selected.set(latest.stream().filter(r -> r.id().equals(keep)).findFirst()
                .orElse(latest.isEmpty() ? null : latest.get(0)));
    }

    /** An entry of the list, on two lines to stay whole in a narrow list: the function, then candidate and state. */
    public String label(CanaryRun run) {
        return run.functionLabel() + "\n" + run.candidate() + " · " + run.state(now.get())
                + (run.status().active() ? " " + run.weight() + "%" : "");
    }

    /** "next decision in 7s", "judging now", or empty when nothing is watched. */
    public String countdown() {
        CanaryRun run = selected.get();
        if (run == null || run.decisionAt() == null || run.interrupted(now.get())) {
            return "";
        }
        Duration left = Duration.between(now.get(), run.decisionAt());
        return left.isNegative() || left.isZero() ? "judging now" : "next decision in " + ((left.toMillis() + 999) / 1000) + "s";
    }

    /** Why the buttons are off, or what the run waits for. */
    public String hint() {
        CanaryRun run = selected.get();
        if (run == null) {
            return "No canary runs yet: start one with meshdeck canary start --function F";
        }
        if (run.interrupted(now.get()) && actions != null) {
            return "Interrupted: the process driving it is gone. Resume drives it from this window from its last written"
                    + " step on fresh metrics; Abort writes the weights from before the run back.";
        }
        if (run.interrupted(now.get())) {
            return "Interrupted: the process driving it is gone. Resume it on fresh metrics with `meshdeck canary resume"
                    + " --function " + run.function() + "` or roll it back with `meshdeck canary abort --function "
                    + run.function() + "`.";
        }
        return run.reason();
    }

    public boolean canPause() {
        return driven() && selected.get().status() == RunStatus.RUNNING;
    }

    public boolean canResume() {
        return driven() && selected.get().status() == RunStatus.PAUSED || takeable();
    }

    public boolean canPromote() {
        return driven();
    }

    public boolean canAbort() {
        return driven() || takeable();
    }

    /** Interrupted, and this window can take it over. */
    private boolean takeable() {
        CanaryRun run = selected.get();
        return actions != null && run != null && run.interrupted(now.get()) && !takingOver.contains(run.id());
    }

    /** Active and driven by a live process: only then does a request get taken. */
    private boolean driven() {
        CanaryRun run = selected.get();
        return run != null && run.status().active() && !run.interrupted(now.get());
    }

    public void pause() {
        send(Control.PAUSE, canPause());
    }

    public void resume() {
        if (takeable()) {
            resumeHere(selected.get());
        } else {
            send(Control.RESUME, canResume());
        }
    }

    public void promote() {
        send(Control.PROMOTE, canPromote());
    }

    public void abort() {
        if (takeable()) {
            rollBackHere(selected.get());
        } else {
            send(Control.ABORT, canAbort());
        }
    }

    /** Resumes interrupted {@code run} in this window on fresh metrics and drives it until it ends, off the FX thread. */
    public void resumeHere(CanaryRun run) {
        act(run, "Resuming " + run.functionLabel() + " from " + run.weight() + "% in this window on fresh metrics",
                () -> ended(run, actions.resume(run)));
    }

    /** Aborts interrupted {@code run} from this window: the weights from before it written back, off the FX thread. */
    public void rollBackHere(CanaryRun run) {
        act(run, "Rolling " + run.functionLabel() + " back to the weights from before the run",
                () -> ended(run, actions.abort(run)));
    }

    /** The selected run was promoted and can be taken back to the state before it. */
    public boolean canRollBackPromotion() {
        CanaryRun run = selected.get();
        return actions != null && run != null && run.status() == RunStatus.PROMOTED && !takingOver.contains(run.id());
    }

    /** Takes the selected promoted run's function back to its state before the run, off the FX thread. */
    public void rollBackPromotion() {
        if (canRollBackPromotion()) {
            CanaryRun run = selected.get();
            act(run, "Rolling " + run.functionLabel() + " back to its state before the canary",
                    () -> ended(run, actions.rollBack(run)));
        }
    }

    /** The selected run's plan can be saved as its namespace's (a Lambda function has no namespace). */
    public boolean canSavePlan() {
        CanaryRun run = selected.get();
        return actions != null && run != null && !run.namespace().isEmpty() && !takingOver.contains(run.id());
    }

    /** Saves the selected run's plan as its namespace's plan, through the pipeline, off the FX thread. */
    public void savePlan() {
        if (canSavePlan()) {
            CanaryRun run = selected.get();
            act(run, "Saving the plan of " + run.id() + " as the plan of namespace " + run.namespace(),
                    () -> "namespace " + run.namespace() + "'s canary plan: " + actions.savePlan(run));
        }
    }

    private static String ended(CanaryRun run, CanaryRun end) {
        return run.functionLabel() + ": " + end.status().label() + (end.reason().isEmpty() ? "" : ": " + end.reason());
    }

    /** What the window does for a run, answering what to tell the person. */
    private interface Action {
        String run() throws Exception;
    }

    private void act(CanaryRun run, String doing, Action action) {
        if (actions == null || !takingOver.add(run.id())) {
            return;
        }
        message.set(doing + "…");
        background.execute(() -> {
            String said;
            try {
                said = action.run();
            } catch (Exception e) {
                said = doing + " failed: " + e.getMessage();
            }
            String told = said;
            fx.execute(() -> {
                takingOver.remove(run.id());
                message.set(told);
            });
        });
    }

    private void send(Control control, boolean allowed) {
        if (allowed) {
            store.request(selected.get().id(), control);
        }
    }

    /** The selected run's timeline, or empty. */
    public Optional<Timeline> timeline() {
        CanaryRun run = selected.get();
        if (run == null) {
            return Optional.empty();
        }
        LatencyLimit.Percentile percentile = run.plan().latency() == null ? LatencyLimit.Percentile.P99
                : run.plan().latency().percentile();
        List<Timeline.Point> points = new ArrayList<>();
        for (IntervalRecord i : run.intervals()) {
            points.add(Timeline.Point.of(i, percentile));
        }
        return Optional.of(new Timeline(run.plan().steps(), run.weight(), points, run.plan().minSuccessRatePercent(),
                run.plan().latency() == null ? Double.NaN : run.plan().latency().maxMillis(),
                run.plan().latency() == null ? "" : run.plan().latency().percentile().label()));
    }
}
