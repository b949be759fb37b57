package dev.meshdeck.sandbox.cloudrun;

/**
 * A refusal in Google's error shape ({@code {"error":{"code","message","status"}}}) with the HTTP status and
 * canonical code the Cloud Run Admin API answers with.
 */
final class CloudRunException extends RuntimeException {

    private final int status;
    private final String code;

    private CloudRunException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static CloudRunException invalid(String message) {
        return new CloudRunException(400, "INVALID_ARGUMENT", message);
    }

    static CloudRunException notFound(String message) {
        return new CloudRunException(404, "NOT_FOUND", message);
    }

    /** A stale etag: Google's APIs answer ABORTED (409) when the caller's fingerprint no longer matches (AIP-154). */
    static CloudRunException aborted(String message) {
        return new CloudRunException(409, "ABORTED", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
