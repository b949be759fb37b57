package dev.meshdeck.core.workloads;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * An event of one of a function's objects (its pods, Deployments, Knative Service, ...), as `kubectl get events`
 * shows it.
 *
 * @param warning  a Warning event (else Normal)
 * @param object   the object it is about, "Pod recommendation-d0c18034a-nz9js"
 * @param lastSeen when it last happened; empty when the server did not say
 */
public record FunctionEvent(boolean warning, String reason, String message, String object, int count,
                            Optional<Instant> lastSeen) {

    /** Warnings first, then the newest first: what an SRE reads first in an incident. */
    public static final Comparator<FunctionEvent> INCIDENT_ORDER = Comparator.comparing((FunctionEvent e) -> !e.warning())
            .thenComparing(e -> e.lastSeen().orElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparing(FunctionEvent::object);
}
