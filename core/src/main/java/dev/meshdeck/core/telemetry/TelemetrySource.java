package dev.meshdeck.core.telemetry;

import java.time.Duration;

/**
 * A port to observed traffic: Prometheus for a mesh, CloudWatch for Lambda, the sandbox simulator. Connectors
 * implement it; callers poll it off the UI thread.
 */
public interface TelemetrySource extends AutoCloseable {

    /** What the user reads in the status bar, e.g. "prometheus http://127.0.0.1:9090". Never holds a secret. */
    String name();

    /** Figures averaged over {@code window} up to now. May block on the network. */
    TelemetrySnapshot fetch(Duration window) throws TelemetryException;

    /**
     * Asks the source cheaply whether it answers (Prometheus: a constant query), for {@link TelemetryHealth} to notice
     * silence between polls. True when it answered; false when it has no cheap question to ask (its polls tell).
     *
     * @throws TelemetryException when it does not answer
     */
    default boolean probe() throws TelemetryException {
        return false;
    }

    @Override
    default void close() {
    }
}
