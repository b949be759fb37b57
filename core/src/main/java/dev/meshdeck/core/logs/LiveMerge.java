package dev.meshdeck.core.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Lines arriving live from many pods, handed on in time order: a line is held until {@code holdback} has passed
 * since it was written, so a slower pod's earlier line still lands before a faster pod's later one. At most
 * {@code capacity} lines wait; beyond that the oldest are dropped and counted, so a burst of many pods never
 * grows memory without bound. Thread-safe: readers offer, one consumer takes.
 */
public final class LiveMerge {

    private final Duration holdback;
    private final int capacity;
    private final PriorityQueue<LogLine> waiting = new PriorityQueue<>(LogLine.BY_TIME);
    private long dropped;

    public LiveMerge(Duration holdback, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.holdback = holdback;
        this.capacity = capacity;
    }

    public synchronized void offer(LogLine line) {
        if (waiting.size() >= capacity) {
            waiting.poll();
            dropped++;
        }
        waiting.add(line);
    }

    /** The lines written at least {@code holdback} before {@code now}, oldest first. */
    public synchronized List<LogLine> ready(Instant now) {
        Instant cut = now.minus(holdback);
        List<LogLine> out = new ArrayList<>();
        while (!waiting.isEmpty() && !waiting.peek().time().isAfter(cut)) {
            out.add(waiting.poll());
        }
        return out;
    }

    /** How many lines were dropped since the last call, to tell the reader a gap exists. */
    public synchronized long takeDropped() {
        long n = dropped;
        dropped = 0;
        return n;
    }
}
