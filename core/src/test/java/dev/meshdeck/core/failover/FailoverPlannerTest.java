package dev.meshdeck.core.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change sets a failover makes, without a cluster. */
class FailoverPlannerTest {

    static final String HEADER_ROUTED = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: web-bff, namespace: frontend, resourceVersion: "7"}
            spec:
              hosts: [web-bff]
              http:
                - match: [{headers: {x-user-tier: {exact: premium}}}]
                  route: [{destination: {host: web-bff, subset: premium}}]
                - route:
                    - {destination: {host: web-bff, subset: standard}, weight: 80, headers: {request: {set: {x-pool: std}}}}
                    - {destination: {host: web-bff, subset: premium}, weight: 20}
                - match: [{uri: {prefix: /old}}]
                  redirect: {uri: /new}
            """;

    private static LiveFunction function(String name, String namespace, String... yaml) throws Exception {
        return live(new ServerlessFunction(new FunctionId(new SourceRef.KubeContext("test", "c", "s"),
                Platform.KUBERNETES, namespace, name), List.of(new TrafficShare("standard", 80), new TrafficShare("premium", 20)),
                MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of()), yaml);
    }

    private static LiveFunction live(ServerlessFunction fn, String... yaml) throws Exception {
        List<ObjectNode> objects = new java.util.ArrayList<>();
        for (String y : yaml) {
            objects.add((ObjectNode) new YamlReader().read("test.yaml", y).get(0).tree());
        }
        return new LiveFunction(fn, objects);
    }

    @Test
    void everyForwardingRouteGoesToTheTargetAndKeepsItsMatchesAndHeaderOperations() throws Exception {
        FunctionChange change = FailoverPlanner.failover(function("web-bff", "frontend", HEADER_ROUTED),
                new FailoverTarget.Version("standard"), null);

        ObjectNode after = change.changes().changes().get(0).after();
        assertThat(after.at("/spec/http/0/route")).hasSize(1);
        assertThat(after.at("/spec/http/0/route/0/destination/subset").asText()).isEqualTo("standard");
        assertThat(after.at("/spec/http/0/match/0/headers/x-user-tier/exact").asText()).isEqualTo("premium");
        assertThat(after.at("/spec/http/1/route")).hasSize(1);
        assertThat(after.at("/spec/http/1/route/0/weight").isMissingNode()).isTrue();
        assertThat(after.at("/spec/http/1/route/0/headers/request/set/x-pool").asText()).isEqualTo("std");
        assertThat(after.at("/spec/http/2/redirect/uri").asText()).as("a redirect is left alone").isEqualTo("/new");
        assertThat(change.request().reason()).isEqualTo("failover of frontend/web-bff to subset:standard");
        assertThat(change.request().subject()).isEqualTo("kubernetes frontend/web-bff");
    }

    @Test
    void aFunctionWithoutVirtualServiceGetsOneForItsService() throws Exception {
        FunctionChange change = FailoverPlanner.failover(function("legacy", "backend"), new FailoverTarget.Host("legacy.dr.svc.cluster.local"), null);

        ResourceChange created = change.changes().changes().get(0);
        assertThat(created.operation()).isEqualTo(ResourceChange.Operation.CREATE);
        assertThat(created.after().at("/spec/hosts/0").asText()).isEqualTo("legacy");
        assertThat(created.after().at("/spec/http/0/route/0/destination/host").asText()).isEqualTo("legacy.dr.svc.cluster.local");
        assertThat(created.after().at("/metadata/annotations").path(FailoverPlanner.CREATED_BY).asText()).isEqualTo("failover");
    }

    @Test
    void targetsAreReadInEveryWrittenForm() {
        assertThat(FailoverTarget.parse("subset:v2")).isEqualTo(new FailoverTarget.Version("v2"));
        assertThat(FailoverTarget.parse("revision:image-resize-00001")).isEqualTo(new FailoverTarget.Version("image-resize-00001"));
        assertThat(FailoverTarget.parse("payment-function-backup")).isEqualTo(new FailoverTarget.Host("payment-function-backup"));
        assertThat(FailoverTarget.parse("url:https://abc.lambda-url.eu-west-1.on.aws/"))
                .isEqualTo(new FailoverTarget.External("abc.lambda-url.eu-west-1.on.aws", 443, ""));
        assertThatThrownBy(() -> FailoverTarget.parse("url:http://plain.example")).hasMessageContaining("not an https:// URL");
        assertThatThrownBy(() -> FailoverTarget.parse("cluster:x")).hasMessageContaining("subset:VERSION, host:HOST");
    }

    static final String LAMBDA_ENTRY = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: invoice-pdf-lambda, namespace: payments, resourceVersion: "3"}
            spec:
              hosts: [abc.lambda-url.eu-west-1.on.aws]
              location: MESH_EXTERNAL
              resolution: DNS
              ports: [{number: 443, name: https, protocol: HTTPS}]
            """;

    private static LiveFunction lambda(String... yaml) throws Exception {
        return live(new ServerlessFunction(new FunctionId(new SourceRef.AwsRegion("000000000000", "eu-west-1", null),
                Platform.LAMBDA, "", "invoice-pdf"), List.of(new TrafficShare("3", 90, "live"), new TrafficShare("4", 10, "live")),
                MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of()), yaml);
    }

    @Test
    void aLambdaFunctionFailsOverToAMeshHostWhereTheMeshCallsIt() throws Exception {
        FunctionChange change = FailoverPlanner.failover(lambda(LAMBDA_ENTRY),
                new FailoverTarget.Host("invoice-pdf-fallback.payments.svc.cluster.local"), null);

        ResourceChange created = change.changes().changes().get(0);
        assertThat(change.changes().changes()).hasSize(1);
        assertThat(created.operation()).isEqualTo(ResourceChange.Operation.CREATE);
        assertThat(created.after().at("/metadata/namespace").asText()).isEqualTo("payments");
        assertThat(created.after().at("/spec/hosts/0").asText()).isEqualTo("abc.lambda-url.eu-west-1.on.aws");
        assertThat(created.after().at("/spec/http/0/route")).hasSize(1);
        assertThat(created.after().at("/spec/http/0/route/0/destination/host").asText())
                .isEqualTo("invoice-pdf-fallback.payments.svc.cluster.local");
        assertThat(change.request().subject()).isEqualTo(LiveFunction.subjectOf(lambda().function()));
    }

    @Test
    void aLambdaEntryAlreadyRoutedKeepsItsVirtualServiceWithOneDestination() throws Exception {
        String routed = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: invoice-pdf-lambda, namespace: payments, resourceVersion: "5"}
                spec:
                  hosts: [abc.lambda-url.eu-west-1.on.aws]
                  http:
                    - timeout: 10s
                      route: [{destination: {host: abc.lambda-url.eu-west-1.on.aws, port: {number: 443}}}]
                """;
        FunctionChange change = FailoverPlanner.failover(lambda(LAMBDA_ENTRY, routed),
                new FailoverTarget.Host("invoice-pdf-fallback.payments.svc.cluster.local"), null);

        ResourceChange edited = change.changes().changes().get(0);
        assertThat(edited.operation()).isEqualTo(ResourceChange.Operation.UPDATE);
        assertThat(edited.after().at("/spec/http/0/timeout").asText()).isEqualTo("10s");
        assertThat(edited.after().at("/spec/http/0/route/0/destination/host").asText())
                .isEqualTo("invoice-pdf-fallback.payments.svc.cluster.local");
    }

    @Test
    void aLambdaFunctionTheMeshDoesNotCallCannotFailOverToIt() throws Exception {
        assertThatThrownBy(() -> FailoverPlanner.failover(lambda(), new FailoverTarget.Host("invoice-pdf-fallback"), null))
                .hasMessageContaining("no ServiceEntry")
                .hasMessageContaining("invoice-pdf");
        assertThatThrownBy(() -> FailoverPlanner.failover(lambda(LAMBDA_ENTRY),
                FailoverTarget.External.ofUrl("https://other.example/", ""), null))
                .hasMessageContaining("subset:VERSION").hasMessageContaining("host:HOST");
    }
}
