package dev.meshdeck.views.common;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs tasks on the FX thread at the start of the next pulse (frame), so that everything that arrived
 * since the previous frame is handled in one go and laid out once.
 */
public final class NextPulse implements Executor {

    private final List<Runnable> pending = new ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            List<Runnable> due = new ArrayList<>(pending);
            pending.clear();
            due.forEach(Runnable::run);
        }
    };

    /** May be called from any thread. */
    @Override
    public void execute(Runnable task) {
        // The timer may only be touched on the FX thread.
        Platform.runLater(() -> {
            pending.add(task);
            timer.start();
        });
    }
}
