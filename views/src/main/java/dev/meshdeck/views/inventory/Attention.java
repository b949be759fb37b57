package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.TopologyModel;

import java.util.EnumSet;
import java.util.Set;

/**
 * The "needs attention" rule of the function table: a function is listed when it is down or degraded, fails
 * more than {@code errorThreshold} of its requests (the ratio above which the topology graph marks a node
 * unhealthy), its source stopped answering, or a canary is under way.
 */
public record Attention(double errorThreshold) {

    public static final Attention DEFAULT = new Attention(TopologyModel.DEFAULT_ERROR_THRESHOLD);

    /** Why a function needs attention, in the order a tooltip lists them. */
    public enum Reason {
        DOWN("down"),
        DEGRADED("degraded"),
        ERRORS("error rate above the threshold"),
        STALE_SOURCE("its source stopped answering"),
        CANARY("canary under way"),
        ALERT("alert firing");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public Attention {
        if (errorThreshold < 0 || errorThreshold > 1) {
            throw new IllegalArgumentException("The error threshold is a ratio between 0 and 1, not " + errorThreshold);
        }
    }

    /** Every reason that applies; empty when the function needs no attention. */
    public Set<Reason> reasons(ServerlessFunction function, TrafficStats traffic, boolean staleSource) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        Health.Level level = function.health().level();
        if (level == Health.Level.DOWN) {
            reasons.add(Reason.DOWN);
        } else if (level == Health.Level.DEGRADED) {
            reasons.add(Reason.DEGRADED);
        }
        if (failing(traffic)) {
            reasons.add(Reason.ERRORS);
        }
        if (staleSource) {
            reasons.add(Reason.STALE_SOURCE);
        }
        if (Canary.of(function).isPresent()) {
            reasons.add(Reason.CANARY);
        }
        return reasons;
    }

    /** Whether more than the threshold of the requests fail, as the topology graph judges a node. */
    public boolean failing(TrafficStats traffic) {
        return traffic.failsMoreThan(errorThreshold);
    }

    /** "5%": the threshold as the error column shows ratios. */
    public String thresholdText() {
        return FunctionText.percent(errorThreshold * 100);
    }
}
