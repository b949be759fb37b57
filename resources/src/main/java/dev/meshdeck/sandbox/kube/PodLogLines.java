package dev.meshdeck.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What the sandbox's pods wrote: the sandbox runs no containers, so a simulator makes their lines up (see
 * {@code SimulatedPodLogs}), the same lines for the same pod and second on every read.
 */
public interface PodLogLines {

    /** A pod that writes nothing. */
    PodLogLines NONE = request -> List.of();

    /** The container's lines written in [from, to), oldest first. */
    List<Line> lines(Request request);

    /**
     * @param pod       the pod as stored
     * @param siblings  every pod of its namespace (to share a version's traffic among its replicas)
     * @param container the container asked for, one of the pod's
     * @param previous  the previous, terminated instance of the container
     */
    record Request(JsonNode pod, List<JsonNode> siblings, String container, boolean previous, Instant from,
                   Instant to) {
    }

    record Line(Instant time, String text) {
    }
}
