package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.telemetry.TrafficStats;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.meshdeck.views.inventory.Attention.Reason.CANARY;
import static dev.meshdeck.views.inventory.Attention.Reason.DEGRADED;
import static dev.meshdeck.views.inventory.Attention.Reason.DOWN;
import static dev.meshdeck.views.inventory.Attention.Reason.ERRORS;
import static dev.meshdeck.views.inventory.Attention.Reason.STALE_SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttentionTest {

    static final SourceRef SANDBOX = new SourceRef.KubeContext("meshdeck-sandbox", "sandbox", "");
    private static final Attention FIVE_PERCENT = new Attention(0.05);
    private static final TrafficStats QUIET = TrafficStats.NONE;

    @Test
    void healthyFunctionOnOneVersionNeedsNoAttention() {
        assertThat(FIVE_PERCENT.reasons(function("ok", ready(), List.of(new TrafficShare("v1", 100))),
                new TrafficStats(20, 0.01, 12), false)).isEmpty();
    }

    @Test
    void downAndDegradedNeedAttentionButUnknownDoesNot() {
        assertThat(FIVE_PERCENT.reasons(function("a", new Health(0, 2, 0, "Failed"), List.of()), QUIET, false))
                .containsExactly(DOWN);
        assertThat(FIVE_PERCENT.reasons(function("b", new Health(1, 2, 1, "Ready"), List.of()), QUIET, false))
                .containsExactly(DEGRADED);
        assertThat(FIVE_PERCENT.reasons(function("c", Health.UNKNOWN, List.of()), QUIET, false)).isEmpty();
    }

    @Test
    void errorRateCountsOnlyAboveTheThresholdAndOnlyWithRequests() {
        ServerlessFunction f = function("f", ready(), List.of());

        assertThat(FIVE_PERCENT.reasons(f, new TrafficStats(10, 0.06, 30), false)).containsExactly(ERRORS);
        assertThat(FIVE_PERCENT.reasons(f, new TrafficStats(10, 0.05, 30), false)).isEmpty();
        assertThat(FIVE_PERCENT.reasons(f, new TrafficStats(0, 1.0, Double.NaN), false)).isEmpty();
        assertThat(new Attention(0.5).reasons(f, new TrafficStats(10, 0.06, 30), false)).isEmpty();
    }

    @Test
    void staleSourceAndCanaryUnderWayNeedAttention() {
        ServerlessFunction canary = function("c", ready(), List.of(new TrafficShare("v1", 90), new TrafficShare("v2", 10)));

        assertThat(FIVE_PERCENT.reasons(canary, QUIET, true)).containsExactly(STALE_SOURCE, CANARY);
    }

    @Test
    void thresholdIsARatio() {
        assertThatThrownBy(() -> new Attention(5)).hasMessageContaining("between 0 and 1");
        assertThat(FIVE_PERCENT.thresholdText()).isEqualTo("5%");
    }

    static Health ready() {
        return new Health(1, 1, 1, "Ready");
    }

    static ServerlessFunction function(String name, Health health, List<TrafficShare> traffic) {
        return new ServerlessFunction(new FunctionId(SANDBOX, Platform.KNATIVE, "serverless", name), traffic,
                MeshStatus.NOT_IN_MESH, health, Map.of());
    }
}
