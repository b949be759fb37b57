package dev.meshdeck.core.changes;

/**
 * A write or read the cluster (or AWS) refused or did not answer, with a message for the person at the
 * console (what, where, what to do) that never quotes a credential.
 */
public final class GatewayException extends Exception {

    /** Why; decides whether the object may have been written anyway. */
    public enum Reason {
        /** The identity may not do this (403). */
        FORBIDDEN,
        /** The object changed since it was read (409 on an update, Lambda's PreconditionFailed). */
        CONFLICT,
        /** Creating an object that exists already. */
        ALREADY_EXISTS,
        NOT_FOUND,
        /** The server rejected the object (422, admission webhooks, Lambda InvalidParameterValue). */
        INVALID,
        /** Any 5xx. The write may or may not have happened. */
        SERVER_ERROR,
        /** No answer in time, or the connection broke. The write may or may not have happened. */
        UNAVAILABLE;

        /** Whether a write that failed like this may nevertheless have changed the object. */
        public boolean uncertain() {
            return this == SERVER_ERROR || this == UNAVAILABLE;
        }
    }

    private final Reason reason;

    public GatewayException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public GatewayException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
