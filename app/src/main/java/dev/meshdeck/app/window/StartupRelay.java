package dev.meshdeck.app.window;

import dev.meshdeck.app.wiring.StartupProgress;
import dev.meshdeck.views.shell.StartupSteps;
import javafx.application.Platform;

/** The wiring's progress, told from its own thread to the startup screen on the FX thread. */
final class StartupRelay implements StartupProgress {

    private final StartupSteps steps;

    StartupRelay(StartupSteps steps) {
        this.steps = steps;
    }

    @Override
    public void begin(String step) {
        Platform.runLater(() -> steps.begin(step));
    }

    @Override
    public void done(String step, String detail) {
        Platform.runLater(() -> steps.done(step, detail));
    }

    /** Shows the failure on the screen's running step (or "Start"), then runs {@code then}. */
    void failed(String message, Runnable then) {
        Platform.runLater(() -> {
            steps.failed(steps.running().orElse("Start"), message);
            then.run();
        });
    }
}
