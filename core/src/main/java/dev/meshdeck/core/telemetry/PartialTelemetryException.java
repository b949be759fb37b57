package dev.meshdeck.core.telemetry;

/**
 * Some sources of a {@link CombinedTelemetry} failed: {@link #snapshot()} still holds what the others saw (and the
 * failed ones' last figures); the message names the failures for the user.
 */
public final class PartialTelemetryException extends TelemetryException {

    private final transient TelemetrySnapshot snapshot;

    public PartialTelemetryException(String message, TelemetrySnapshot snapshot) {
        super(message);
        this.snapshot = snapshot;
    }

    public TelemetrySnapshot snapshot() {
        return snapshot;
    }
}
