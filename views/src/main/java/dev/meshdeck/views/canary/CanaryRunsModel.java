package dev.meshdeck.views.canary;

import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunStore;
import dev.meshdeck.core.canary.Control;
import dev.meshdeck.core.canary.IntervalRecord;
import dev.meshdeck.core.canary.LatencyLimit;
import dev.meshdeck.core.canary.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final ObservableList<CanaryRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<CanaryRun> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(Instant.EPOCH);

    public CanaryRunsModel(CanaryRunStore store) {
        this.store = store;
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

    /** One line of the list: "serverless/order-function · image-resize-00002 · running 40%". */
    public String label(CanaryRun run) {
        return run.functionLabel() + " · " + run.candidate() + " · " + run.state(now.get())
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
        return driven() && selected.get().status() == RunStatus.PAUSED;
    }

    public boolean canPromote() {
        return driven();
    }

    public boolean canAbort() {
        return driven();
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
        send(Control.RESUME, canResume());
    }

    public void promote() {
        send(Control.PROMOTE, canPromote());
    }

    public void abort() {
        send(Control.ABORT, canAbort());
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
