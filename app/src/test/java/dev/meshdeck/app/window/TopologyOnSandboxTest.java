package dev.meshdeck.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.topology.Badge;
import dev.meshdeck.core.topology.EdgeKind;
import dev.meshdeck.core.topology.GroupKey;
import dev.meshdeck.core.topology.NodeKind;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The topology graph of the embedded sandbox estate, discovered through its real APIs as the window does. */
class TopologyOnSandboxTest {

    private static Sources sources;
    private static TopologyModel model;

    @BeforeAll
    static void discover() throws Exception {
        sources = Sources.resolve(new SourceOptions(), true, true, 0);
        model = SandboxGraph.discover(sources);
    }

    @AfterAll
    static void close() {
        sources.close();
    }

    private static TopologyNode function(String name) {
        return SandboxGraph.function(model, name);
    }

    private static double weight(String function, String version) {
        String fn = function(function).id();
        return model.edge(fn, fn + "|v|" + version).weight();
    }

    @Test
    void showsEveryPlatformInItsBoxes() {
        Set<Platform> platforms = model.nodes().stream().map(TopologyNode::platform).filter(p -> p != null).collect(Collectors.toSet());
        assertThat(platforms).containsExactlyInAnyOrder(Platform.values());
        assertThat(function("order-function").group()).isEqualTo(new GroupKey("Kubernetes", "meshdeck-sandbox", "serverless"));
        assertThat(function("invoice-pdf").group().tier()).isEqualTo("AWS Lambda");
        assertThat(model.groups().keySet()).extracting(GroupKey::namespace)
                .contains("serverless", "frontend", "backend", "payments", "eu-west-1");
    }

    @Test
    void theIngressGatewayIsANodeWithItsServersRoutingToTheFunctionBoundToIt() {
        TopologyNode gateway = model.nodes().stream().filter(n -> n.kind() == NodeKind.GATEWAY).findFirst().orElseThrow();
        assertThat(gateway.label()).isEqualTo("public-gateway");
        assertThat(gateway.group()).isEqualTo(new GroupKey(GroupKey.INGRESS, "meshdeck-sandbox", "istio-system"));
        IngressGateway declared = model.gatewayOf(gateway.id()).orElseThrow();
        assertThat(declared.servers()).extracting(IngressGateway.Server::port).containsExactly(80, 443);
        assertThat(declared.workloads()).extracting(IngressGateway.Workload::qualifiedName)
                .containsExactly("istio-system/istio-ingressgateway");
        assertThat(model.edge(gateway.id(), function("web-bff").id()).kind()).isEqualTo(EdgeKind.ROUTE);
        assertThat(model.nodes()).filteredOn(n -> n.kind() == NodeKind.GATEWAY).hasSize(1);
    }

    @Test
    void canariesAreWeightedConfiguredEdgesOnEveryPlatform() {
        assertThat(weight("order-function", "order-function-v1")).isEqualTo(90);
        assertThat(weight("order-function", "order-function-v2")).isEqualTo(10);
        assertThat(weight("image-resize", "image-resize-00001")).isEqualTo(90);
        assertThat(weight("image-resize", "image-resize-00002")).isEqualTo(10);
        assertThat(weight("invoice-pdf", "3")).isEqualTo(90);
        assertThat(weight("invoice-pdf", "4")).isEqualTo(10);
        String inventory = function("inventory-function").id();
        assertThat(model.edge(inventory, inventory + "|v|v2").kind()).isEqualTo(EdgeKind.CONDITIONAL_ROUTE);
        assertThat(function("order-function").badges()).contains(Badge.CANARY);
    }

    @Test
    void badgesComeFromThePoliciesThatApply() {
        assertThat(function("inventory-function").badges()).contains(Badge.CIRCUIT_BREAKER, Badge.AUTHZ, Badge.MTLS);
        assertThat(function("payment-function").badges()).contains(Badge.AUTHZ, Badge.MTLS);
        assertThat(function("recommendation").badges()).contains(Badge.UNHEALTHY);
        assertThat(function("thumbnail").badges()).doesNotContain(Badge.CANARY, Badge.UNHEALTHY);
        ServerlessFunction lambda = function("notify-email").function();
        assertThat(lambda.id()).isEqualTo(new FunctionId(lambda.source(), Platform.LAMBDA, "", "notify-email"));
    }
}
