package dev.meshdeck.sandbox.lambda;

/**
 * A Lambda API error as the real service reports it: an HTTP status and the error type the SDK maps to
 * its exception class (sent as {@code X-Amzn-ErrorType}).
 */
final class LambdaException extends RuntimeException {

    private final int status;
    private final String type;

    private LambdaException(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    static LambdaException notFound(String message) {
        return new LambdaException(404, "ResourceNotFoundException", message);
    }

    static LambdaException invalidParameter(String message) {
        return new LambdaException(400, "InvalidParameterValueException", message);
    }

    /** A request that breaks the API model's constraints, reported before any Lambda rule is checked. */
    static LambdaException validation(String message) {
        return new LambdaException(400, "ValidationException", message);
    }

    static LambdaException provisionedNotFound() {
        return new LambdaException(404, "ProvisionedConcurrencyConfigNotFoundException",
                "No Provisioned Concurrency Config found for this function");
    }

    static LambdaException conflict(String message) {
        return new LambdaException(409, "ResourceConflictException", message);
    }

    static LambdaException preconditionFailed(String message) {
        return new LambdaException(412, "PreconditionFailedException", message);
    }

    static LambdaException unknownOperation(String method, String path) {
        return new LambdaException(404, "UnknownOperationException",
                "The Lambda sandbox does not serve " + method + " " + path);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }
}
