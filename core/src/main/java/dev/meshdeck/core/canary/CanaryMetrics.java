package dev.meshdeck.core.canary;

import dev.meshdeck.core.telemetry.TelemetryException;
import java.time.Instant;

/**
 * The function's telemetry, seen as a canary needs it: the candidate's and the stable version's traffic over one
 * interval. Bound to one function and its two versions by whoever builds it.
 */
public interface CanaryMetrics extends AutoCloseable {

    /**
     * An interval starts now: a source that counts itself (cumulative counters scraped from an endpoint) reads its
     * starting point here; a source that can be asked about any past window need not do anything.
     */
    default void intervalStarts(Instant at) throws TelemetryException {
    }

    /** The figures from {@code from} (when {@link #intervalStarts} was called) until {@code to} (now). */
    IntervalMetrics measure(Instant from, Instant to) throws TelemetryException;

    @Override
    default void close() {
    }
}
