package dev.meshdeck.core.telemetry;

import java.time.Instant;
import java.util.Map;

/**
 * What one poll of a telemetry source saw: per-edge figures (keyed with and, where known, without destination
 * version) and per-node figures (inbound totals, and for Lambda the function's own invocations).
 */
public record TelemetrySnapshot(Instant at, Map<EdgeKey, TrafficStats> edges, Map<ServiceRef, TrafficStats> nodes) {

    public TelemetrySnapshot {
        edges = Map.copyOf(edges);
        nodes = Map.copyOf(nodes);
    }

    public static TelemetrySnapshot empty(Instant at) {
        return new TelemetrySnapshot(at, Map.of(), Map.of());
    }
}
