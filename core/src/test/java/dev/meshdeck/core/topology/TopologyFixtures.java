package dev.meshdeck.core.topology;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.telemetry.ServiceRef;
import java.util.List;
import java.util.Map;

/** Functions and policies shaped like the sandbox estate's, built by hand. */
final class TopologyFixtures {

    static final SourceRef.KubeContext CLUSTER = new SourceRef.KubeContext("sandbox", "sandbox", "https://127.0.0.1:1");
    static final SourceRef.AwsRegion AWS = new SourceRef.AwsRegion("123456789012", "eu-west-1", null);
    static final Health READY = new Health(1, 1, 1, "Ready");

    private TopologyFixtures() {
    }

    static ServerlessFunction function(Platform platform, String namespace, String name, TrafficShare... shares) {
        return function(platform, namespace, name, READY, MeshStatus.NOT_IN_MESH, shares);
    }

    static ServerlessFunction function(Platform platform, String namespace, String name, Health health, MeshStatus mesh,
                                       TrafficShare... shares) {
        SourceRef source = platform == Platform.LAMBDA ? AWS : CLUSTER;
        return new ServerlessFunction(new FunctionId(source, platform, namespace, name), List.of(shares), mesh, health, Map.of());
    }

    static MeshStatus mesh(List<String> virtualServices, List<String> destinationRules, List<String> authorizationPolicies) {
        return new MeshStatus(true, virtualServices, destinationRules, authorizationPolicies, List.of(), List.of());
    }

    static ServiceRef ref(ServerlessFunction f) {
        return new ServiceRef(f.source().id(), f.namespace(), f.name());
    }

    static MeshResource resource(String kind, String namespace, String name, String yaml) {
        return new MeshResource(kind, namespace, name, yaml);
    }

    static final String INVENTORY_VS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: inventory-function, namespace: backend}
            spec:
              hosts: [inventory-function]
              http:
                - name: v2-by-header
                  match: [{headers: {x-version: {exact: v2}}}]
                  route: [{destination: {host: inventory-function, subset: v2}}]
                - name: default
                  route: [{destination: {host: inventory-function, subset: v1}}]
            """;

    static final String INVENTORY_DR = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: inventory-function, namespace: backend}
            spec:
              host: inventory-function
              trafficPolicy:
                connectionPool: {tcp: {maxConnections: 100}}
                outlierDetection: {consecutive5xxErrors: 3}
            """;

    static final String MESH_STRICT = """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: default, namespace: istio-system}
            spec: {mtls: {mode: STRICT}}
            """;

    static final String INVENTORY_AUTHZ = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: inventory-function-allow-frontend, namespace: backend}
            spec:
              selector: {matchLabels: {app: inventory-function}}
              action: ALLOW
              rules: [{from: [{source: {namespaces: [frontend]}}]}]
            """;

    static final String PAYMENT_FAILOVER_VS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: payment-function, namespace: payments}
            spec:
              hosts: [payment-function]
              http:
                - name: primary
                  fault: {abort: {httpStatus: 503, percentage: {value: 1}}}
                  route: [{destination: {host: payment-function-backup.payments.svc.cluster.local}}]
                  mirror: {host: payments-audit.example.com}
            """;

    static final String INVOICE_URL_HOST = "a36ed396adccf22122fc796dc23ac275.lambda-url.eu-west-1.on.aws";

    static final String INVOICE_LAMBDA = """
            FunctionName: invoice-pdf
            FunctionUrls: ["https://%s/"]
            """.formatted(INVOICE_URL_HOST);

    /** The mesh's calls to Lambda function invoice-pdf's URL, sent to a function in the cluster instead. */
    static final String INVOICE_FAILOVER_VS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: invoice-pdf-failover, namespace: payments}
            spec:
              hosts: [%s]
              http:
                - route: [{destination: {host: invoice-pdf-fallback.payments.svc.cluster.local}}]
            """.formatted(INVOICE_URL_HOST);

    /** The mesh's calls to the URL with a timeout: they still reach Lambda. */
    static final String INVOICE_TIMEOUT_VS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: invoice-pdf, namespace: payments}
            spec:
              hosts: [%1$s]
              http:
                - timeout: 10s
                  route: [{destination: {host: %1$s, port: {number: 443}}}]
            """.formatted(INVOICE_URL_HOST);
}
