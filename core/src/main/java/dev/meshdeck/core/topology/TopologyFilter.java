package dev.meshdeck.core.topology;

import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.Platform;
import java.util.Set;

/**
 * Which functions the graph shows. Empty sets mean "all". Versions follow their function; gateways and
 * external hosts are shown when they touch a shown node.
 */
public record TopologyFilter(Set<Platform> platforms, Set<String> namespaces, HealthFilter health, boolean canaryOnly) {

    public enum HealthFilter {
        ANY("Any health"), HEALTHY("Healthy"), UNHEALTHY("Unhealthy");

        private final String label;

        HealthFilter(String label) {
            this.label = label;
        }

        /** How the filter reads in the window. */
        public String label() {
            return label;
        }
    }

    public static final TopologyFilter ALL = new TopologyFilter(Set.of(), Set.of(), HealthFilter.ANY, false);

    public TopologyFilter {
        platforms = Set.copyOf(platforms);
        namespaces = Set.copyOf(namespaces);
        health = health == null ? HealthFilter.ANY : health;
    }

    public boolean isAll() {
        return platforms.isEmpty() && namespaces.isEmpty() && health == HealthFilter.ANY && !canaryOnly;
    }

    public TopologyFilter withPlatforms(Set<Platform> value) {
        return new TopologyFilter(value, namespaces, health, canaryOnly);
    }

    public TopologyFilter withNamespaces(Set<String> value) {
        return new TopologyFilter(platforms, value, health, canaryOnly);
    }

    public TopologyFilter withHealth(HealthFilter value) {
        return new TopologyFilter(platforms, namespaces, value, canaryOnly);
    }

    public TopologyFilter withCanaryOnly(boolean value) {
        return new TopologyFilter(platforms, namespaces, health, value);
    }

    /** Whether a function node (or a version, judged by its function's node) passes. */
    boolean accepts(TopologyNode functionNode) {
        if (!platforms.isEmpty() && !platforms.contains(functionNode.platform())) {
            return false;
        }
        if (!namespaces.isEmpty() && !namespaces.contains(functionNode.group().namespace())) {
            return false;
        }
        if (canaryOnly && !functionNode.has(Badge.CANARY)) {
            return false;
        }
        // a firing alert is the first sign of trouble in an incident, before any error ratio shows it
        boolean unhealthy = functionNode.has(Badge.UNHEALTHY) || functionNode.has(Badge.ALERT);
        return switch (health) {
            case ANY -> true;
            case HEALTHY -> !unhealthy && functionNode.health() == Health.Level.HEALTHY;
            case UNHEALTHY -> unhealthy;
        };
    }
}
