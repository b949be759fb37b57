package dev.meshdeck.core.telemetry;

/** A telemetry source could not answer; the message is for the user (no stack trace, no secret). */
public class TelemetryException extends Exception {

    public TelemetryException(String message) {
        super(message);
    }

    public TelemetryException(String message, Throwable cause) {
        super(message, cause);
    }
}
