package dev.meshdeck.core.topology;

import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.telemetry.TrafficStats;
import java.util.Set;

/**
 * One node of the graph.
 *
 * @param function the function itself (FUNCTION), or the function it is a version of (VERSION); null for
 *                 gateways and external hosts
 * @param version  the version's name for a VERSION node, else empty
 * @param stats    inbound traffic as telemetry last saw it; {@link TrafficStats#NONE} when unknown
 */
public record TopologyNode(String id, NodeKind kind, String label, GroupKey group, ServerlessFunction function,
                           String version, Set<Badge> badges, TrafficStats stats) {

    public TopologyNode {
        version = version == null ? "" : version;
        badges = Set.copyOf(badges);
        stats = stats == null ? TrafficStats.NONE : stats;
    }

    /** The platform of the function (or of the function this is a version of); null for gateways and hosts. */
    public Platform platform() {
        return function == null ? null : function.platform();
    }

    public Health.Level health() {
        return function == null ? Health.Level.UNKNOWN : function.health().level();
    }

    public boolean has(Badge badge) {
        return badges.contains(badge);
    }
}
