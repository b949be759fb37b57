package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InheritedPolicy;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.PolicyKind;
import dev.meshdeck.core.inventory.PolicyScope;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    void meshLinesMarkInheritedPoliciesAndWhatOverridesThem() {
        MeshStatus inheriting = new MeshStatus(true, List.of(), List.of("serverless/order-function"), List.of(), List.of(),
                List.of(), List.of(
                        new InheritedPolicy(PolicyKind.DESTINATION_RULE, "serverless/default", PolicyScope.NAMESPACE,
                                Optional.of("serverless/order-function")),
                        new InheritedPolicy(PolicyKind.PEER_AUTHENTICATION, "istio-system/default", PolicyScope.MESH,
                                Optional.empty())));

        assertThat(FunctionText.meshLines(inheriting)).contains(
                "DestinationRule: serverless/order-function, serverless/default (namespace-wide, overridden by serverless/order-function)",
                "PeerAuthentication: istio-system/default (mesh-wide)");
    }

    @Test
    void healthShowsReplicasEndpointsAndStateButNoEndpointsForLambda() {
        assertThat(FunctionText.health(Platform.OPENFAAS, new Health(1, 2, 1, "Degraded"))).isEqualTo("1/2 · 1 ep · Degraded");
        assertThat(FunctionText.health(Platform.LAMBDA, new Health(1, 1, 0, "Active"))).isEqualTo("1/1 · Active");
    }

    @Test
    void placeShowsTheNamespaceAndTheContextShortenedWithTheFullNamesInTheTooltip() {
        SourceRef gke = new SourceRef.KubeContext("gke_shop-prod_europe-west1_prod-eu", "", "");
        SourceRef eks = new SourceRef.KubeContext("arn:aws:eks:eu-west-1:123456789012:cluster/prod-eu", "", "");
        SourceRef aws = new SourceRef.AwsRegion("123456789012", "eu-west-1", "default");
        ServerlessFunction resize = new ServerlessFunction(new FunctionId(gke, Platform.KNATIVE, "serverless", "image-resize"),
                List.of(), MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of());
        ServerlessFunction invoice = new ServerlessFunction(new FunctionId(aws, Platform.LAMBDA, "", "invoice-pdf"),
                List.of(), MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of());

        assertThat(FunctionText.shortPlace(resize)).isEqualTo("serverless · prod-eu");
        assertThat(FunctionText.place(resize)).isEqualTo("image-resize\nnamespace serverless\ncontext gke_shop-prod_europe-west1_prod-eu");
        assertThat(FunctionText.shortSource(eks)).isEqualTo("prod-eu");
        assertThat(FunctionText.shortSource(new SourceRef.KubeContext("meshdeck-sandbox", "", ""))).isEqualTo("meshdeck-sandbox");
        assertThat(FunctionText.shortPlace(invoice)).isEqualTo("eu-west-1");
        assertThat(FunctionText.place(invoice)).isEqualTo("invoice-pdf\nAWS account 123456789012, region eu-west-1");
    }

    @Test
    void figuresKeepOneDecimalOnlyWhereItMatters() {
        assertThat(FunctionText.requestsPerSecond(0.25)).isEqualTo("0.3");
        assertThat(FunctionText.requestsPerSecond(9.94)).isEqualTo("9.9");
        assertThat(FunctionText.requestsPerSecond(120.4)).isEqualTo("120");
        assertThat(FunctionText.errorPercent(0.12)).isEqualTo("12%");
        assertThat(FunctionText.errorPercent(0.0041)).isEqualTo("0.4%");
    }
}
