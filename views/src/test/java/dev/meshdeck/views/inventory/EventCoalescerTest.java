package dev.meshdeck.views.inventory;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

class EventCoalescerTest {

    private final Queue<Runnable> uiThread = new ArrayDeque<>();
    private final List<List<String>> batches = new ArrayList<>();
    private final EventCoalescer<String> coalescer = new EventCoalescer<>(uiThread::add, batches::add);

    @Test
    void burstArrivingBeforeTheUiThreadRunsBecomesOneBatch() {
        coalescer.accept("a");
        coalescer.accept("b");
        coalescer.accept("c");

        assertThat(uiThread).hasSize(1);
        uiThread.poll().run();
        assertThat(batches).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void eventsAfterADrainFormTheNextBatch() {
        coalescer.accept("a");
        uiThread.poll().run();
        coalescer.accept("b");
        uiThread.poll().run();

        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
        assertThat(uiThread).isEmpty();
    }
}
