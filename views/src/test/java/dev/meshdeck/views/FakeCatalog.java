package dev.meshdeck.views;

import dev.meshdeck.core.inventory.FunctionCatalog;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.inventory.TrafficShare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A catalog holding the sandbox estate (13 functions on four Kubernetes platforms), three Lambda functions
 * and an unreachable cluster. It reports from a background thread, as real connectors do.
 */
final class FakeCatalog implements FunctionCatalog {

    static final SourceRef SANDBOX = new SourceRef.KubeContext("meshdeck-sandbox", "sandbox", "https://127.0.0.1:6443");
    static final SourceRef STAGING = new SourceRef.KubeContext("staging-eu", "staging", "https://10.20.0.1:6443");
    static final SourceRef AWS = new SourceRef.AwsRegion("123456789012", "eu-west-1", "default");
    static final String STAGING_FAILURE = "cannot reach https://10.20.0.1:6443 (connection refused): "
            + "check the VPN, then `kubectl --context staging-eu get ns`";
    static final String KUBECONFIG_PROBLEM = "~/.kube/config-old line 12: mapping values are not allowed here; "
            + "fix or remove the file";
    static final int FUNCTION_COUNT = 16;

    private final List<SourceRef> sources;
    private final boolean discoverAtStart;
    private volatile Consumer<InventoryEvent> listener;

    private FakeCatalog(List<SourceRef> sources, boolean discoverAtStart) {
        this.sources = sources;
        this.discoverAtStart = discoverAtStart;
    }

    /** The whole estate, reported as soon as the window starts discovery. */
    static FakeCatalog estate() {
        return new FakeCatalog(List.of(SANDBOX, STAGING, AWS), true);
    }

    /** Knows these sources but reports nothing until the test {@link #emit}s. */
    static FakeCatalog silent(List<SourceRef> sources) {
        return new FakeCatalog(sources, false);
    }

    @Override
    public List<SourceRef> sources() {
        return sources;
    }

    @Override
    public void start(Consumer<InventoryEvent> listener, boolean live) {
        this.listener = listener;
        if (discoverAtStart) {
            Thread discovery = new Thread(() -> initialEvents().forEach(listener), "fake-discovery");
            discovery.setDaemon(true);
            discovery.start();
        }
    }

    /** Reports an event from another thread, like a watch would. */
    void emit(InventoryEvent event) {
        emitAll(List.of(event));
    }

    /** Reports events one by one, in order, from another thread: a burst. */
    void emitAll(List<InventoryEvent> events) {
        Thread watch = new Thread(() -> events.forEach(listener), "fake-watch");
        watch.setDaemon(true);
        watch.start();
    }

    @Override
    public List<MeshResource> resourcesOf(FunctionId id) {
        List<MeshResource> resources = new ArrayList<>();
        resources.add(new MeshResource("Deployment", id.namespace(), id.name() + "-v1", """
                # the function's workload
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s-v1
                  namespace: %s
                  labels:
                    app: %s
                    version: v1
                    meshdeck.dev/function: "true"
                spec:
                  replicas: 2
                  paused: false
                  template:
                    spec:
                      containers:
                        - name: function
                          image: 'ghcr.io/meshdeck/%s:1.4.2'
                """.formatted(id.name(), id.namespace(), id.name(), id.name())));
        if (id.name().equals("order-function")) {
            resources.add(new MeshResource("VirtualService", "serverless", "order-function", """
                    apiVersion: networking.istio.io/v1
                    kind: VirtualService
                    metadata:
                      name: order-function
                      namespace: serverless
                      resourceVersion: "4711"
                      annotations:
                        team: orders
                    spec:
                      hosts:
                        - order-function
                      http:
                        - route:
                            - destination:
                                host: order-function-v1
                              weight: 90
                            - destination:
                                host: order-function-v2
                              weight: 10
                          timeout: 5s
                          retries:
                            attempts: 3
                            perTryTimeout: 2s
                    status:
                      observedGeneration: 7
                    """));
            resources.add(new MeshResource("DestinationRule", "serverless", "order-function", """
                    apiVersion: networking.istio.io/v1
                    kind: DestinationRule
                    metadata:
                      name: order-function
                      namespace: serverless
                    spec:
                      host: order-function
                      trafficPolicy:
                        loadBalancer:
                          simple: LEAST_CONN
                        outlierDetection:
                          consecutive5xxErrors: 5
                          interval: 30s
                        tls:
                          mode: ISTIO_MUTUAL
                    """));
        }
        if (id.name().equals("inventory-function")) {
            // no traffic split: the editor opens on its Resilience and Security tabs
            resources.add(new MeshResource("DestinationRule", "backend", "inventory-function", """
                    apiVersion: networking.istio.io/v1
                    kind: DestinationRule
                    metadata:
                      name: inventory-function
                      namespace: backend
                      annotations:
                        team: inventory
                    spec:
                      host: inventory-function
                      trafficPolicy:
                        loadBalancer:
                          simple: LEAST_CONN
                        connectionPool:
                          tcp:
                            maxConnections: 200
                        outlierDetection:
                          consecutive5xxErrors: 5
                          interval: 30s
                        tls:
                          mode: ISTIO_MUTUAL
                    """));
            resources.add(new MeshResource("AuthorizationPolicy", "backend", "inventory-function", """
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata:
                      name: inventory-function
                      namespace: backend
                    spec:
                      selector:
                        matchLabels:
                          app: inventory-function
                      action: ALLOW
                      rules:
                        - from:
                            - source:
                                namespaces:
                                  - backend
                    """));
            resources.add(new MeshResource("PeerAuthentication", "backend", "inventory-function", """
                    apiVersion: security.istio.io/v1
                    kind: PeerAuthentication
                    metadata:
                      name: inventory-function
                      namespace: backend
                    spec:
                      selector:
                        matchLabels:
                          app: inventory-function
                      mtls:
                        mode: PERMISSIVE
                    """));
        }
        if (id.name().equals("payment-function")) {
            // locality load balancing and JWT issuers, as in the sandbox's payments namespace
            resources.add(new MeshResource("DestinationRule", "payments", "payment-function", """
                    apiVersion: networking.istio.io/v1
                    kind: DestinationRule
                    metadata:
                      name: payment-function
                      namespace: payments
                    spec:
                      host: payment-function
                      trafficPolicy:
                        loadBalancer:
                          simple: ROUND_ROBIN
                          localityLbSetting:
                            enabled: true
                            distribute:
                              - from: eu-west-1/eu-west-1a/*
                                to:
                                  "eu-west-1/eu-west-1a/*": 80
                                  "eu-west-1/eu-west-1b/*": 20
                        outlierDetection:
                          consecutive5xxErrors: 5
                          interval: 10s
                    """));
            resources.add(new MeshResource("RequestAuthentication", "payments", "payments-jwt", """
                    apiVersion: security.istio.io/v1
                    kind: RequestAuthentication
                    metadata:
                      name: payments-jwt
                      namespace: payments
                    spec:
                      jwtRules:
                        - issuer: https://auth.meshdeck.example
                          jwksUri: https://auth.meshdeck.example/.well-known/jwks.json
                          outputPayloadToHeader: x-jwt-payload
                    """));
        }
        return resources;
    }

    @Override
    public void close() {
        listener = null;
    }

    private static List<InventoryEvent> initialEvents() {
        List<InventoryEvent> events = new ArrayList<>();
        List.of(SANDBOX, STAGING, AWS).forEach(s -> events.add(new InventoryEvent.SourceChanged(SourceStatus.connecting(s))));
        events.add(new InventoryEvent.SourceChanged(SourceStatus.failed(STAGING, STAGING_FAILURE)));
        events.add(new InventoryEvent.SourceLoaded(SANDBOX, sandboxFunctions()));
        events.add(new InventoryEvent.SourceChanged(SourceStatus.connected(SANDBOX, "13 functions")));
        events.add(new InventoryEvent.SourceLoaded(AWS, lambdaFunctions()));
        events.add(new InventoryEvent.SourceChanged(SourceStatus.connected(AWS, "3 functions")));
        events.add(new InventoryEvent.Problem(KUBECONFIG_PROBLEM));
        return events;
    }

    static List<ServerlessFunction> sandboxFunctions() {
        MeshStatus meshWide = mesh("PA:istio-system/default");
        return List.of(
                orderFunction(List.of(new TrafficShare("v1", 90), new TrafficShare("v2", 10))),
                kube(Platform.KNATIVE, "serverless", "image-resize",
                        List.of(new TrafficShare("image-resize-00001", 90), new TrafficShare("image-resize-00002", 10, "canary")),
                        meshWide, ready(2)),
                kube(Platform.KNATIVE, "serverless", "thumbnail", List.of(new TrafficShare("thumbnail-00003", 100)),
                        meshWide, new Health(0, 0, 0, "ScaledToZero")),
                kube(Platform.OPENFAAS, "serverless", "pdf-render", single(), meshWide, ready(1)),
                kube(Platform.KUBELESS, "serverless", "legacy-cron", single(), meshWide, ready(1)),
                kube(Platform.KUBERNETES, "frontend", "web-bff",
                        List.of(new TrafficShare("standard", 100), new TrafficShare("premium", 0)),
                        mesh("VS:frontend/web-bff", "DR:frontend/web-bff", "PA:istio-system/default"), ready(2)),
                kube(Platform.OPENFAAS, "frontend", "search-function", single(), meshWide, ready(2)),
                kube(Platform.KUBERNETES, "backend", "inventory-function",
                        List.of(new TrafficShare("v1", 100), new TrafficShare("v2", 0)),
                        mesh("VS:backend/inventory-function", "DR:backend/inventory-function",
                                "AP:backend/inventory-function-allow-frontend", "PA:istio-system/default"), ready(2)),
                kube(Platform.KNATIVE, "backend", "user-profile", List.of(new TrafficShare("user-profile-00001", 100)),
                        meshWide, ready(1)),
                kube(Platform.OPENFAAS, "backend", "recommendation", single(), meshWide, new Health(1, 2, 1, "Degraded")),
                kube(Platform.KUBERNETES, "payments", "payment-function", single(),
                        mesh("VS:payments/payment-function", "DR:payments/payment-function",
                                "AP:payments/payment-function-authz", "PA:payments/default", "PA:istio-system/default",
                                "RA:payments/payments-jwt"), ready(2)),
                kube(Platform.KUBERNETES, "payments", "payment-function-backup", single(),
                        mesh("PA:payments/default", "PA:istio-system/default", "RA:payments/payments-jwt"), ready(1)),
                kube(Platform.KNATIVE, "payments", "fraud-check", List.of(new TrafficShare("fraud-check-00002", 100)),
                        mesh("PA:payments/default", "PA:istio-system/default", "RA:payments/payments-jwt"), ready(1)));
    }

    static ServerlessFunction orderFunction(List<TrafficShare> traffic) {
        return kube(Platform.KUBERNETES, "serverless", "order-function", traffic,
                mesh("VS:serverless/order-function", "DR:serverless/order-function", "PA:istio-system/default"),
                new Health(2, 2, 2, "Ready"));
    }

    static List<ServerlessFunction> lambdaFunctions() {
        return List.of(
                lambda("thumbnail-lambda", List.of(new TrafficShare("$LATEST", 100)), "Active"),
                lambda("invoice-pdf", List.of(new TrafficShare("3", 90, "live"), new TrafficShare("4", 10, "live")), "Active"),
                lambda("notify-email", List.of(new TrafficShare("2", 100)), "Inactive"));
    }

    private static ServerlessFunction kube(Platform platform, String namespace, String name, List<TrafficShare> traffic,
                                           MeshStatus mesh, Health health) {
        return new ServerlessFunction(new FunctionId(SANDBOX, platform, namespace, name), traffic, mesh, health,
                Map.of("app", name));
    }

    private static ServerlessFunction lambda(String name, List<TrafficShare> traffic, String state) {
        int active = state.equals("Active") ? 1 : 0;
        return new ServerlessFunction(new FunctionId(AWS, Platform.LAMBDA, "", name), traffic,
                MeshStatus.NOT_IN_MESH, new Health(active, 1, 0, state), Map.of());
    }

    private static List<TrafficShare> single() {
        return List.of(new TrafficShare("latest", 100));
    }

    private static Health ready(int replicas) {
        return new Health(replicas, replicas, replicas, "Ready");
    }

    /** Policies as "VS:ns/name", "DR:…", "AP:…", "PA:…", "RA:…"; the sidecar is always injected here. */
    private static MeshStatus mesh(String... policies) {
        List<String> vs = new ArrayList<>();
        List<String> dr = new ArrayList<>();
        List<String> ap = new ArrayList<>();
        List<String> pa = new ArrayList<>();
        List<String> ra = new ArrayList<>();
        for (String policy : policies) {
            String ref = policy.substring(3);
            switch (policy.substring(0, 2)) {
                case "VS" -> vs.add(ref);
                case "DR" -> dr.add(ref);
                case "AP" -> ap.add(ref);
                case "PA" -> pa.add(ref);
                default -> ra.add(ref);
            }
        }
        return new MeshStatus(true, vs, dr, ap, pa, ra);
    }
}
