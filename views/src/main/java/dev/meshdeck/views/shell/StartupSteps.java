package dev.meshdeck.views.shell;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The steps the window waits for before it can list functions (the sandbox, the kubeconfig, AWS, telemetry),
 * each with its state, in the order they began. Headless; FX thread (or before the view is shown).
 */
public final class StartupSteps {

    public enum State { RUNNING, DONE, FAILED }

    /** One line of the startup screen: {@code detail} says what was found, or what went wrong. */
    public record Step(String name, State state, String detail) {
    }

    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final ObservableList<Step> readOnly = FXCollections.unmodifiableObservableList(steps);

    public void begin(String name) {
        put(new Step(name, State.RUNNING, ""));
    }

    public void done(String name, String detail) {
        put(new Step(name, State.DONE, detail));
    }

    /** Marks the step that was running when the start failed (or adds one named {@code name}). */
    public void failed(String name, String message) {
        put(new Step(name, State.FAILED, message));
    }

    /** The step that is running now, if any: where a failure happened. */
    public java.util.Optional<String> running() {
        return steps.stream().filter(s -> s.state() == State.RUNNING).map(Step::name).reduce((a, b) -> b);
    }

    public ObservableList<Step> steps() {
        return readOnly;
    }

    /** A step reported again keeps its line: it changes state in place. */
    private void put(Step step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(step.name())) {
                steps.set(i, step);
                return;
            }
        }
        steps.add(step);
    }
}
