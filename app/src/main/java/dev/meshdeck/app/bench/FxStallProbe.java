package dev.meshdeck.app.bench;

import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread stays busy at once: a daemon thread posts a task every {@value #PERIOD_MS} ms
 * and keeps the longest wait between posting one and its running, which is what a user's click or a frame would
 * have waited.
 */
final class FxStallProbe {

    private static final long PERIOD_MS = 2;

    private final AtomicLong longest = new AtomicLong();
    private final Thread poster;
    private volatile boolean running = true;

    private FxStallProbe() {
        poster = new Thread(this::post, "meshdeck-bench-fx-probe");
        poster.setDaemon(true);
    }

    static FxStallProbe start() {
        FxStallProbe probe = new FxStallProbe();
        probe.poster.start();
        return probe;
    }

    private void post() {
        while (running) {
            long posted = System.nanoTime();
            Platform.runLater(() -> longest.accumulateAndGet(System.nanoTime() - posted, Math::max));
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops posting; returns the longest wait seen, in nanoseconds (tasks still queued are not waited for). */
    long stop() throws InterruptedException {
        running = false;
        poster.join();
        return longest.get();
    }
}
