package dev.meshdeck.app.window;

import dev.meshdeck.app.wiring.StartupProgress;
import dev.meshdeck.views.shell.StartupSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The wiring's progress, told to the startup screen. The wiring begins before JavaFX is up, so what it says
 * before the screen exists is kept and shown when the screen {@linkplain #attach attaches}.
 */
final class StartupRelay implements StartupProgress {

    /** Guarded by {@code this}; null once attached. */
    private List<Consumer<StartupSteps>> early = new ArrayList<>();
    private StartupSteps steps;

    @Override
    public void begin(String step) {
        tell(s -> s.begin(step));
    }

    @Override
    public void done(String step, String detail) {
        tell(s -> s.done(step, detail));
    }

    /** Shows the failure on the screen's running step (or "Start"), then runs {@code then}. */
    void failed(String message, Runnable then) {
        tell(s -> {
            s.failed(s.running().orElse("Start"), message);
            then.run();
        });
    }

    private synchronized void tell(Consumer<StartupSteps> what) {
        if (early != null) {
            early.add(what);
        } else {
            StartupSteps to = steps;
            Platform.runLater(() -> what.accept(to));
        }
    }

    /** FX thread: shows what was said so far, and from now on everything as it is said. */
    synchronized void attach(StartupSteps to) {
        steps = to;
        early.forEach(what -> what.accept(to));
        early = null;
    }
}
