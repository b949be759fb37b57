package dev.meshdeck.core.inventory;

/**
 * Connection state of one source. {@code message} is written for the user: it names the context or
 * file and what went wrong; it never contains a credential.
 */
public record SourceStatus(SourceRef source, State state, String message) {

    public enum State { CONNECTING, CONNECTED, FAILED, STALE }

    public static SourceStatus connecting(SourceRef s) {
        return new SourceStatus(s, State.CONNECTING, "connecting");
    }

    public static SourceStatus connected(SourceRef s, String message) {
        return new SourceStatus(s, State.CONNECTED, message);
    }

    public static SourceStatus failed(SourceRef s, String message) {
        return new SourceStatus(s, State.FAILED, message);
    }
}
