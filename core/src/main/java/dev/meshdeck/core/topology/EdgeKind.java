package dev.meshdeck.core.topology;

/** Why an edge exists: a configured route, or only traffic seen by telemetry. */
public enum EdgeKind {
    /** A weighted destination of a catch-all route: a canary split, a Knative target, a Lambda alias weight. */
    ROUTE,
    /** A destination reached only by requests matching a condition (a header, a path). */
    CONDITIONAL_ROUTE,
    /** A copy of the traffic sent to a shadow destination. */
    MIRROR,
    /** The function's traffic routed to another function or host instead of itself. */
    FAILOVER,
    /** Observed traffic with no route configured for it here (a plain call between functions). */
    CALL;

    public boolean configured() {
        return this != CALL;
    }
}
