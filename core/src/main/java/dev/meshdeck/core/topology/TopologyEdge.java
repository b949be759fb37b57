package dev.meshdeck.core.topology;

import dev.meshdeck.core.telemetry.TrafficStats;

/**
 * A directed edge. A configured edge comes from routing config (a VirtualService, Knative traffic, a Lambda
 * alias) and is shown even with no traffic; {@code observed} is what telemetry saw on it, null when nothing.
 *
 * @param weight    the route's percentage, NaN when the route has no weight (a conditional route, a call)
 * @param condition what a conditional route matches, e.g. {@code x-version=v2}; empty otherwise
 */
public record TopologyEdge(String from, String to, EdgeKind kind, double weight, String condition,
                           TrafficStats observed) {

    public TopologyEdge {
        condition = condition == null ? "" : condition;
    }

    public boolean configured() {
        return kind.configured();
    }

    /** Configured, with no traffic seen on it: drawn dashed with its weight. */
    public boolean configuredOnly() {
        return configured() && (observed == null || observed.requestsPerSecond() <= 0);
    }

    TopologyEdge withObserved(TrafficStats stats) {
        return new TopologyEdge(from, to, kind, weight, condition, stats);
    }

    /** Identity of an edge: one edge per ordered pair of nodes. */
    public record Key(String from, String to) {
    }

    public Key key() {
        return new Key(from, to);
    }
}
