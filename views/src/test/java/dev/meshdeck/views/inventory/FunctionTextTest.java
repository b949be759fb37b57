package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.TrafficShare;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionTextTest {

    @Test
    void trafficListsEachVersionWithItsShare() {
        assertThat(FunctionText.traffic(List.of(new TrafficShare("v1", 90), new TrafficShare("v2", 10))))
                .isEqualTo("v1 90% · v2 10%");
        assertThat(FunctionText.traffic(List.of(new TrafficShare("3", 87.5), new TrafficShare("4", 12.5))))
                .isEqualTo("3 87.5% · 4 12.5%");
        assertThat(FunctionText.traffic(List.of())).isEqualTo("—");
    }

    @Test
    void versionsWithoutRoutingAreNotGivenAnInventedSplit() {
        assertThat(FunctionText.traffic(List.of(new TrafficShare("v1", 0), new TrafficShare("v2", 0))))
                .isEqualTo("v1 · v2 (no routing)");
    }

    @Test
    void meshShowsSidecarAndPolicyKindsWithCounts() {
        MeshStatus governed = new MeshStatus(true, List.of("serverless/order-function"), List.of("serverless/order-function"),
                List.of("a/one", "a/two"), List.of(), List.of("payments/payments-jwt"));

        assertThat(FunctionText.mesh(governed)).isEqualTo("◆ VS DR AP2 RA");
        assertThat(FunctionText.mesh(new MeshStatus(false, List.of("x/vs"), List.of(), List.of(), List.of(), List.of())))
                .isEqualTo("◇ VS");
        assertThat(FunctionText.mesh(MeshStatus.NOT_IN_MESH)).isEqualTo("—");
        assertThat(FunctionText.meshLines(governed)).contains("Sidecar injected", "AuthorizationPolicy: a/one, a/two");
    }

    @Test
    void healthShowsReplicasEndpointsAndStateButNoEndpointsForLambda() {
        assertThat(FunctionText.health(Platform.OPENFAAS, new Health(1, 2, 1, "Degraded"))).isEqualTo("1/2 · 1 ep · Degraded");
        assertThat(FunctionText.health(Platform.LAMBDA, new Health(1, 1, 0, "Active"))).isEqualTo("1/1 · Active");
    }
}
