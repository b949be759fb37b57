package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Faults a test injects into the sandbox's writes (POST, PUT, PATCH, DELETE that are not dry runs), counted
 * from the moment they are armed: the nth write fails with an HTTP status and stores nothing, or is stored
 * but answered only after a delay (a client that gives up first cannot know whether it happened).
 */
public final class WriteFaults {

    private sealed interface Fault permits Failure, Stall {
    }

    private record Failure(int status) implements Fault {
    }

    private record Stall(Duration delay) implements Fault {
    }

    private final Map<Integer, Fault> planned = new HashMap<>();
    private int writes;

    /** The {@code nth} write from now (1-based) fails with {@code status} (403, 409, 500, ...); nothing is stored. */
    public synchronized WriteFaults failWrite(int nth, int status) {
        return plan(nth, new Failure(status));
    }

    /** The {@code nth} write from now is stored, but its answer comes only after {@code delay}. */
    public synchronized WriteFaults stallWrite(int nth, Duration delay) {
        return plan(nth, new Stall(delay));
    }

    /** No more faults; counting starts again. */
    public synchronized void clear() {
        planned.clear();
        writes = 0;
    }

    private WriteFaults plan(int nth, Fault fault) {
        if (planned.isEmpty()) {
            writes = 0;
        }
        planned.put(nth, fault);
        return this;
    }

    /** Counts a write; the injected failure to answer instead of handling it, or null. */
    synchronized MockResponse failureFor(String path) {
        if (planned.isEmpty()) {
            return null;
        }
        writes++;
        if (planned.get(writes) instanceof Failure failure) {
            planned.remove(writes);
            return new MockResponse().setResponseCode(failure.status()).setHeader("Content-Type", "application/json")
                    .setBody(Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(failure.status())
                            .withReason(reason(failure.status()))
                            .withMessage("injected fault: write " + writes + " to " + path + " fails with HTTP "
                                    + failure.status())
                            .build()));
        }
        return null;
    }

    /** Delays the answer of the write just counted, if planned. */
    synchronized MockResponse delayed(MockResponse response) {
        if (planned.get(writes) instanceof Stall stall) {
            planned.remove(writes);
            return response.setBodyDelay(stall.delay());
        }
        return response;
    }

    private static String reason(int status) {
        switch (status) {
            case 403:
                return "Forbidden";
            case 409:
                return "Conflict";
            case 500:
                return "InternalError";
            case 503:
                return "ServiceUnavailable";
            default:
                return "BadRequest";
        }
    }
}
