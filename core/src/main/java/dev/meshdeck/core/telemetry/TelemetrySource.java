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

    @Override
    default void close() {
    }
}
