package dev.meshdeck.core.topology;

import static dev.meshdeck.core.topology.TopologyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyModelTest {

    private final ServerlessFunction order = function(Platform.KUBERNETES, "serverless", "order-function",
            new TrafficShare("order-function-v1", 90), new TrafficShare("order-function-v2", 10));
    private final ServerlessFunction invoice = function(Platform.LAMBDA, "", "invoice-pdf",
            new TrafficShare("3", 90, "live"), new TrafficShare("4", 10, "live"));
    private final ServerlessFunction inventory = function(Platform.KUBERNETES, "backend", "inventory-function", READY,
            mesh(List.of("backend/inventory-function"), List.of("backend/inventory-function"),
                    List.of("backend/inventory-function-allow-frontend")),
            new TrafficShare("v1", 100));
    private final ServerlessFunction web = function(Platform.OPENFAAS, "frontend", "web-bff");
    private final ServerlessFunction payment = function(Platform.KUBERNETES, "payments", "payment-function", READY,
            mesh(List.of("payments/payment-function"), List.of(), List.of()), new TrafficShare("payment-function", 100));
    private final ServerlessFunction backup = function(Platform.KUBERNETES, "payments", "payment-function-backup");

    private TopologyModel model(ServerlessFunction... functions) {
        TopologyModel model = new TopologyModel();
        model.apply(new InventoryEvent.SourceLoaded(CLUSTER, List.of(functions)));
        return model;
    }

    private static String id(ServerlessFunction f) {
        return TopologyModel.nodeId(f.id());
    }

    @Test
    void aCanaryIsTwoWeightedConfiguredEdgesToItsVersionsWithoutAnyTraffic() {
        TopologyModel model = model(order, invoice);

        TopologyEdge v1 = model.edge(id(order), id(order) + "|v|order-function-v1");
        TopologyEdge v2 = model.edge(id(order), id(order) + "|v|order-function-v2");
        assertThat(v1.weight()).isEqualTo(90);
        assertThat(v2.weight()).isEqualTo(10);
        assertThat(v1.configuredOnly()).isTrue();
        assertThat(model.node(id(order)).badges()).contains(Badge.CANARY);
        assertThat(model.edge(id(invoice), id(invoice) + "|v|4").weight()).isEqualTo(10);
        assertThat(model.node(id(invoice) + "|v|4").label()).isEqualTo("invoice-pdf:4 (live)");
        assertThat(model.node(id(order) + "|v|order-function-v1").label()).isEqualTo("order-function:v1");
        assertThat(model.node(id(invoice)).group()).isEqualTo(new GroupKey("AWS Lambda", "account 123456789012", "eu-west-1"));
    }

    @Test
    void policiesGiveConditionalRoutesAndBadges() {
        TopologyModel model = model(inventory);
        model.applyResources(inventory.id(), List.of(
                resource("VirtualService", "backend", "inventory-function", INVENTORY_VS),
                resource("DestinationRule", "backend", "inventory-function", INVENTORY_DR),
                resource("PeerAuthentication", "istio-system", "default", MESH_STRICT),
                resource("AuthorizationPolicy", "backend", "inventory-function-allow-frontend", INVENTORY_AUTHZ)));

        TopologyEdge toV2 = model.edge(id(inventory), id(inventory) + "|v|v2");
        assertThat(toV2.kind()).isEqualTo(EdgeKind.CONDITIONAL_ROUTE);
        assertThat(toV2.condition()).isEqualTo("x-version=v2");
        assertThat(model.edge(id(inventory), id(inventory) + "|v|v1").kind()).isEqualTo(EdgeKind.ROUTE);
        assertThat(model.node(id(inventory)).badges())
                .contains(Badge.CIRCUIT_BREAKER, Badge.MTLS, Badge.AUTHZ).doesNotContain(Badge.CANARY, Badge.FAULT);
    }

    @Test
    void routingAFunctionToAnotherIsAFailoverAndAnOutsideHostBecomesAnExternalNode() {
        TopologyModel model = model(payment, backup);
        model.applyResources(payment.id(), List.of(resource("VirtualService", "payments", "payment-function", PAYMENT_FAILOVER_VS)));

        assertThat(model.edge(id(payment), id(backup)).kind()).isEqualTo(EdgeKind.FAILOVER);
        TopologyEdge mirror = model.edge(id(payment), "ext|payments-audit.example.com");
        assertThat(mirror.kind()).isEqualTo(EdgeKind.MIRROR);
        assertThat(model.node("ext|payments-audit.example.com").kind()).isEqualTo(NodeKind.EXTERNAL);
        assertThat(model.node(id(payment)).badges()).contains(Badge.FAULT);

        // the backup goes away: the failover now points at a host outside the estate
        model.apply(new InventoryEvent.FunctionRemoved(backup.id()));
        assertThat(model.edge(id(payment), "ext|payment-function-backup.payments").kind()).isEqualTo(EdgeKind.FAILOVER);
    }

    @Test
    void aLambdaFunctionFailedOverForTheMeshHasAFailoverEdgeToTheFunctionInTheCluster() {
        ServerlessFunction fallback = function(Platform.KUBERNETES, "payments", "invoice-pdf-fallback");
        TopologyModel model = new TopologyModel();
        model.apply(new InventoryEvent.SourceLoaded(AWS, List.of(invoice)));
        model.applyResources(invoice.id(), List.of(resource("LambdaFunction", "", "invoice-pdf", INVOICE_LAMBDA),
                new MeshResource("VirtualService", "payments", "invoice-pdf", INVOICE_TIMEOUT_VS, CLUSTER)));
        assertThat(model.edges()).noneMatch(e -> e.kind() == EdgeKind.FAILOVER || e.to().startsWith("ext|"));

        model.applyResources(invoice.id(), List.of(resource("LambdaFunction", "", "invoice-pdf", INVOICE_LAMBDA),
                new MeshResource("VirtualService", "payments", "invoice-pdf-failover", INVOICE_FAILOVER_VS, CLUSTER)));
        assertThat(model.edge(id(invoice), "ext|invoice-pdf-fallback.payments").kind()).isEqualTo(EdgeKind.FAILOVER);

        // the cluster's functions are discovered after the Lambda ones: the edge goes to the function
        model.apply(new InventoryEvent.SourceLoaded(CLUSTER, List.of(fallback)));
        assertThat(model.edge(id(invoice), id(fallback)).kind()).isEqualTo(EdgeKind.FAILOVER);
        assertThat(model.nodes()).noneMatch(n -> n.kind() == NodeKind.EXTERNAL);
    }

    @Test
    void aSnapshotPutsRatesErrorsAndLatencyOnEdgesAndMarksErroringNodes() {
        TopologyModel model = model(order, web);
        ServiceRef ingress = new ServiceRef(CLUSTER.id(), "istio-system", "istio-ingressgateway");
        model.applyTelemetry(new TelemetrySnapshot(Instant.now(), Map.of(
                new EdgeKey(ref(web), ref(order), ""), new TrafficStats(12.5, 0.02, 80),
                new EdgeKey(ref(web), ref(order), "order-function-v2"), new TrafficStats(1.25, 0.2, 140),
                new EdgeKey(ref(web), ref(order), "order-function-v1"), new TrafficStats(11.25, 0, 70),
                new EdgeKey(ingress, ref(web), ""), new TrafficStats(20, 0, 30)),
                Map.of(ref(order), new TrafficStats(12.5, 0.08, 80))));

        TopologyEdge call = model.edge(id(web), id(order));
        assertThat(call.kind()).isEqualTo(EdgeKind.CALL);
        assertThat(call.observed()).isEqualTo(new TrafficStats(12.5, 0.02, 80));
        TopologyEdge canary = model.edge(id(order), id(order) + "|v|order-function-v2");
        assertThat(canary.weight()).isEqualTo(10);
        assertThat(canary.observed().requestsPerSecond()).isEqualTo(1.25);
        assertThat(canary.configuredOnly()).isFalse();
        String gateway = "gw|" + CLUSTER.id() + "|istio-system|istio-ingressgateway";
        assertThat(model.node(gateway).kind()).isEqualTo(NodeKind.GATEWAY);
        assertThat(model.edge(gateway, id(web)).observed().requestsPerSecond()).isEqualTo(20);
        assertThat(model.node(id(order)).badges()).contains(Badge.UNHEALTHY);

        model.setErrorThreshold(0.1);
        assertThat(model.node(id(order)).badges()).doesNotContain(Badge.UNHEALTHY);

        // the next snapshot has no traffic: observed edges and telemetry-only nodes go, configured ones stay
        model.applyTelemetry(TelemetrySnapshot.empty(Instant.now()));
        assertThat(model.edge(id(web), id(order))).isNull();
        assertThat(model.node(gateway)).isNull();
        assertThat(model.edge(id(order), id(order) + "|v|order-function-v2").configuredOnly()).isTrue();
    }

    @Test
    void aPollResolvedOnAnotherThreadIsInstalledWithItsFiguresAndItsHosts() throws Exception {
        TopologyModel model = model(order, web);
        ServiceRef ingress = new ServiceRef(CLUSTER.id(), "istio-system", "istio-ingressgateway");
        TelemetryIndex index = model.telemetryIndex();
        TelemetrySnapshot poll = new TelemetrySnapshot(Instant.now(), Map.of(
                new EdgeKey(ref(web), ref(order), "order-function-v2"), new TrafficStats(1.25, 0.2, 140),
                new EdgeKey(ingress, ref(web), ""), new TrafficStats(20, 0, 30)), Map.of());
        java.util.concurrent.FutureTask<TelemetryIndex.Resolved> elsewhere = new java.util.concurrent.FutureTask<>(() -> index.resolve(poll));
        new Thread(elsewhere).start();
        List<TopologyChange> changes = new ArrayList<>();
        model.addListener(changes::add);

        model.applyTelemetry(elsewhere.get());

        String gateway = "gw|" + CLUSTER.id() + "|istio-system|istio-ingressgateway";
        assertThat(model.edge(gateway, id(web)).observed().requestsPerSecond()).isEqualTo(20);
        assertThat(model.edge(id(order), id(order) + "|v|order-function-v2").observed().errorRatio()).isEqualTo(0.2);
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.added()).containsExactly(gateway));

        // the same figures again change nothing
        model.applyTelemetry(model.telemetryIndex().resolve(poll));
        assertThat(changes).hasSize(1);
    }

    @Test
    void aResolutionOvertakenByAnotherPollStillLeavesOnlyItsOwnFigures() {
        TopologyModel model = model(order, web, payment);
        TelemetryIndex before = model.telemetryIndex();
        model.applyTelemetry(new TelemetrySnapshot(Instant.now(), Map.of(
                new EdgeKey(ref(web), ref(payment), ""), new TrafficStats(3, 0, 50)), Map.of()));

        model.applyTelemetry(before.resolve(new TelemetrySnapshot(Instant.now(), Map.of(
                new EdgeKey(ref(web), ref(order), ""), new TrafficStats(7, 0, 50)), Map.of())));

        assertThat(model.edge(id(web), id(payment))).isNull();
        assertThat(model.edge(id(web), id(order)).observed().requestsPerSecond()).isEqualTo(7);
    }

    @Test
    void aRouteConfiguredWhileAPollIsMatchedStaysOnItsEdge() {
        TopologyModel model = model(payment, backup);
        TelemetryIndex index = model.telemetryIndex();
        TelemetryIndex.Resolved resolved = index.resolve(new TelemetrySnapshot(Instant.now(), Map.of(
                new EdgeKey(ref(payment), ref(backup), ""), new TrafficStats(4, 0, 60)), Map.of()));
        // the failover arrives after the poll's edges were merged with the routes known before it
        model.applyResources(payment.id(), List.of(resource("VirtualService", "payments", "payment-function", PAYMENT_FAILOVER_VS)));

        model.applyTelemetry(resolved);

        TopologyEdge failover = model.edge(id(payment), id(backup));
        assertThat(failover.kind()).isEqualTo(EdgeKind.FAILOVER);
        assertThat(failover.observed().requestsPerSecond()).isEqualTo(4);
    }

    @Test
    void aPollThatBeatDiscoveryShowsOnceTheFunctionsAreLoaded() {
        TopologyModel model = new TopologyModel();
        model.applyTelemetry(new TelemetrySnapshot(Instant.now(), Map.of(
                new EdgeKey(ref(web), ref(order), ""), new TrafficStats(12.5, 0.02, 80)), Map.of()));
        assertThat(model.nodes()).isEmpty();

        model.apply(new InventoryEvent.SourceLoaded(CLUSTER, List.of(web, order)));
        assertThat(model.edge(id(web), id(order)).observed().requestsPerSecond()).isEqualTo(12.5);
    }

    @Test
    void aFunctionChangeTouchesOnlyItsNodesAndReportsThem() {
        TopologyModel model = model(order, web);
        List<TopologyChange> changes = new ArrayList<>();
        model.addListener(changes::add);

        ServerlessFunction added = function(Platform.KNATIVE, "serverless", "thumbnail");
        model.apply(new InventoryEvent.FunctionChanged(added));
        assertThat(changes).containsExactly(new TopologyChange(Set.of(id(added)), Set.of(), Set.of(), false));

        changes.clear();
        ServerlessFunction promoted = function(Platform.KUBERNETES, "serverless", "order-function",
                new Health(0, 1, 0, "Degraded"), order.mesh(), new TrafficShare("order-function-v2", 100));
        model.apply(new InventoryEvent.FunctionChanged(promoted));
        TopologyChange change = changes.get(0);
        assertThat(change.removed()).containsExactlyInAnyOrder(id(order) + "|v|order-function-v1", id(order) + "|v|order-function-v2");
        assertThat(change.updated()).containsExactly(id(order));
        assertThat(model.node(id(order)).badges()).containsExactly(Badge.UNHEALTHY);
    }

    @Test
    void searchFocusAndFiltersSelectNodes() {
        TopologyModel model = model(order, web, inventory, backup);
        model.applyTelemetry(new TelemetrySnapshot(Instant.now(), Map.of(
                new EdgeKey(ref(web), ref(order), ""), new TrafficStats(1, 0, 10),
                new EdgeKey(ref(order), ref(inventory), ""), new TrafficStats(1, 0, 10)), Map.of()));

        assertThat(model.search("ORDER-function-v")).containsExactlyInAnyOrder(
                id(order) + "|v|order-function-v1", id(order) + "|v|order-function-v2");
        assertThat(model.neighbourhood(id(web), 1)).containsExactlyInAnyOrder(id(web), id(order));
        assertThat(model.neighbourhood(id(web), 2)).contains(id(inventory), id(order) + "|v|order-function-v1")
                .doesNotContain(id(backup));
        assertThat(model.visible(TopologyFilter.ALL.withCanaryOnly(true))).containsExactlyInAnyOrder(
                id(order), id(order) + "|v|order-function-v1", id(order) + "|v|order-function-v2");
        assertThat(model.visible(TopologyFilter.ALL.withPlatforms(Set.of(Platform.OPENFAAS)))).containsExactly(id(web));
        assertThat(model.visible(TopologyFilter.ALL.withNamespaces(Set.of("payments")))).containsExactly(id(backup));
    }

    @Test
    void aLambdaSourceSwitchedAwayTakesItsFunctionsAndTheirTelemetryWithIt() {
        TopologyModel model = new TopologyModel();
        model.apply(List.of(new InventoryEvent.SourceLoaded(CLUSTER, List.of(payment)),
                new InventoryEvent.SourceLoaded(AWS, List.of(invoice))));
        TelemetrySnapshot calls = new TelemetrySnapshot(Instant.now(),
                Map.of(new EdgeKey(ref(payment), ref(invoice), ""), new TrafficStats(3, 0.01, 200)),
                Map.of(ref(invoice), new TrafficStats(5, 0.02, 300)));
        model.applyTelemetry(calls);
        assertThat(model.edge(id(payment), id(invoice)).observed().requestsPerSecond()).isEqualTo(3);
        assertThat(model.node(id(invoice)).stats().errorRatio()).isEqualTo(0.02);

        model.apply(new InventoryEvent.SourceRemoved(AWS));
        model.applyTelemetry(calls);

        assertThat(model.nodes()).extracting(TopologyNode::id).containsExactly(id(payment));
        assertThat(model.edges()).isEmpty();
    }

    /** The sandbox's public-gateway: HTTP and HTTPS on the istio-ingressgateway pods. */
    private static IngressGateway publicGateway() {
        return new IngressGateway(CLUSTER, "istio-system", "public-gateway", Map.of("istio", "ingressgateway"),
                List.of(new IngressGateway.Workload("istio-system", "istio-ingressgateway")),
                List.of(new IngressGateway.Server(80, "HTTP", "http", List.of("*.meshdeck.example"), Optional.empty()),
                        new IngressGateway.Server(443, "HTTPS", "https", List.of("*.meshdeck.example"),
                                Optional.of(new IngressGateway.Tls(ServerTLSSettingsTLSmode.SIMPLE, Optional.of("public-cert"))))),
                List.of("frontend/web-bff-public"), resource("Gateway", "istio-system", "public-gateway", "kind: Gateway"));
    }

    private static String boundTo(String name, String gatewayEntry) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: %s, namespace: frontend}
                spec:
                  hosts: [web.meshdeck.example]
                  gateways: [%s]
                  http:
                    - route: [{destination: {host: web-bff}}]
                """.formatted(name, gatewayEntry);
    }

    @Test
    void everyGatewayIsAnIngressNodeReachingTheFunctionsBoundToItAndTakingItsWorkloadsTraffic() {
        TopologyModel model = model(web, order);
        ServiceRef ingress = new ServiceRef(CLUSTER.id(), "istio-system", "istio-ingressgateway");
        model.applyTelemetry(new TelemetrySnapshot(Instant.now(), Map.of(new EdgeKey(ingress, ref(web), ""),
                new TrafficStats(20, 0, 30)), Map.of()));
        String workloadNode = "gw|" + CLUSTER.id() + "|istio-system|istio-ingressgateway";
        assertThat(model.node(workloadNode)).isNotNull();

        model.applyGateways(CLUSTER, List.of(publicGateway()));
        String gateway = "gw|" + CLUSTER.id() + "|istio-system|public-gateway";
        assertThat(model.node(gateway).kind()).isEqualTo(NodeKind.GATEWAY);
        assertThat(model.node(gateway).label()).isEqualTo("public-gateway");
        assertThat(model.node(gateway).group()).isEqualTo(new GroupKey(GroupKey.INGRESS, "sandbox", "istio-system"));
        assertThat(model.gatewayOf(gateway)).contains(publicGateway());
        // one ingress: the workload's traffic is the Gateway's, and the workload has no node of its own
        assertThat(model.node(workloadNode)).isNull();
        assertThat(model.edge(gateway, id(web)).observed().requestsPerSecond()).isEqualTo(20);

        // bound as ns/name, as a bare name in the VirtualService's namespace... (a bare name elsewhere is another Gateway)
        model.applyResources(web.id(), List.of(resource("VirtualService", "frontend", "web-bff-public",
                boundTo("web-bff-public", "istio-system/public-gateway"))));
        assertThat(model.edge(gateway, id(web)).kind()).isEqualTo(EdgeKind.ROUTE);
        assertThat(model.edge(gateway, id(web)).configured()).isTrue();
        // ...or by the legacy FQDN
        model.applyResources(web.id(), List.of(resource("VirtualService", "frontend", "web-bff-public",
                boundTo("web-bff-public", "public-gateway.istio-system.svc.cluster.local"))));
        assertThat(model.edge(gateway, id(web)).configured()).isTrue();
        assertThat(model.nodes()).filteredOn(n -> n.kind() == NodeKind.GATEWAY).extracting(TopologyNode::id)
                .containsExactly(gateway);

        // a Gateway with nothing bound and no traffic is still drawn; a deleted one goes, its workload's node returns
        model.applyResources(web.id(), List.of());
        model.applyTelemetry(TelemetrySnapshot.empty(Instant.now()));
        assertThat(model.node(gateway)).isNotNull();
        model.applyTelemetry(new TelemetrySnapshot(Instant.now(), Map.of(new EdgeKey(ingress, ref(web), ""),
                new TrafficStats(20, 0, 30)), Map.of()));
        model.applyGateways(CLUSTER, List.of());
        assertThat(model.node(gateway)).isNull();
        assertThat(model.gatewayOf(gateway)).isEmpty();
        assertThat(model.edge(workloadNode, id(web)).observed().requestsPerSecond()).isEqualTo(20);
    }
}
