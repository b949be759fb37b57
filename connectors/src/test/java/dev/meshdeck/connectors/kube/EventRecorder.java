package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.SourceStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Collects catalog events from background threads and waits for the one a test expects. */
public final class EventRecorder implements Consumer<InventoryEvent> {

    /** Generous: a wait only fails a test when the event never comes. */
    private static final long PATIENCE_MILLIS = 60_000;

    private final List<InventoryEvent> events = new ArrayList<>();

    @Override
    public synchronized void accept(InventoryEvent event) {
        events.add(event);
        notifyAll();
    }

    public synchronized List<InventoryEvent> events() {
        return List.copyOf(events);
    }

    /** Waits for the first event of {@code type} matching {@code condition}, counting from event index {@code from}. */
    public synchronized <E extends InventoryEvent> E await(Class<E> type, Predicate<E> condition, int from) {
        return await(type, condition, from, PATIENCE_MILLIS);
    }

    /** {@link #await(Class, Predicate, int)} that fails after {@code patienceMillis}: for what a user is promised in time. */
    public synchronized <E extends InventoryEvent> E await(Class<E> type, Predicate<E> condition, int from, long patienceMillis) {
        long deadline = System.currentTimeMillis() + patienceMillis;
        while (true) {
            for (int i = from; i < events.size(); i++) {
                if (type.isInstance(events.get(i)) && condition.test(type.cast(events.get(i)))) {
                    return type.cast(events.get(i));
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " as expected within " + patienceMillis
                        + " ms; events were " + events);
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Waits up to {@code patienceMillis} for context {@code name} to report {@code state}, counting from event {@code from}. */
    public SourceStatus awaitState(String name, SourceStatus.State state, int from, long patienceMillis) {
        return await(InventoryEvent.SourceChanged.class, e -> e.status().source().label().equals(name)
                && e.status().state() == state, from, patienceMillis).status();
    }

    /** Waits until context {@code name} reports CONNECTED or FAILED. */
    SourceStatus awaitSettled(String name) {
        return await(InventoryEvent.SourceChanged.class, e -> e.status().source().label().equals(name)
                && e.status().state() != SourceStatus.State.CONNECTING, 0).status();
    }

    public synchronized int size() {
        return events.size();
    }
}
