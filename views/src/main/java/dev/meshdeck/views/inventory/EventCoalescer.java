package dev.meshdeck.views.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Accepts items on any thread and hands them to the UI thread in batches: a burst that arrives before the
 * UI thread gets round to it becomes one batch, so the view updates once rather than once per event.
 */
public final class EventCoalescer<T> implements Consumer<T> {

    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Executor uiThread;
    private final Consumer<List<T>> onBatch;

    /**
     * @param uiThread runs the drain, e.g. {@code Platform::runLater}
     * @param onBatch  receives each batch, in arrival order, on the UI thread
     */
    public EventCoalescer(Executor uiThread, Consumer<List<T>> onBatch) {
        this.uiThread = uiThread;
        this.onBatch = onBatch;
    }

    @Override
    public void accept(T item) {
        pending.add(item);
        if (drainScheduled.compareAndSet(false, true)) {
            uiThread.execute(this::drain);
        }
    }

    private void drain() {
        // Cleared before polling: an item added meanwhile is either polled below or schedules a new drain.
        drainScheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item = pending.poll(); item != null; item = pending.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            onBatch.accept(batch);
        }
    }
}
