package dev.meshdeck.sandbox.traffic;

import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.sandbox.Sandbox;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Config;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The sandbox's simulated traffic covers its estate and follows its routing as an SRE changes it. */
class SandboxTrafficTest {

    private static final String MESH = "kube:meshdeck-sandbox";
    private static final String LAMBDA = "aws::eu-west-1";
    private static final ServiceRef WEB_BFF = new ServiceRef(MESH, "frontend", "web-bff");
    private static final ServiceRef ORDER = new ServiceRef(MESH, "serverless", "order-function");

    private static Sandbox sandbox;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(0, 0, 0);
        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig()))).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    private static TelemetrySnapshot fetch() throws Exception {
        return sandbox.telemetry().fetch(Duration.ofMinutes(1));
    }

    @Test
    void everyPlatformOfTheEstateHasTraffic() throws Exception {
        Map<ServiceRef, TrafficStats> nodes = fetch().nodes();

        assertThat(nodes.keySet()).contains(
                ORDER,                                                       // Deployments + VirtualService
                new ServiceRef(MESH, "serverless", "image-resize"),          // Knative
                new ServiceRef(MESH, "serverless", "pdf-render"),            // OpenFaaS
                new ServiceRef(MESH, "backend", "inventory-function"),
                new ServiceRef(MESH, "payments", "fraud-check"),
                new ServiceRef(LAMBDA, "", "invoice-pdf"));                  // Lambda alias
        // legacy-cron (Kubeless) calls; it answers no one
        assertThat(fetch().edges().keySet()).anySatisfy(e ->
                assertThat(e.source()).isEqualTo(new ServiceRef(MESH, "serverless", "legacy-cron")));
        // every call reaches a workload the estate has
        assertThat(fetch().edges().keySet()).noneSatisfy(e -> assertThat(e.destinationVersion()).isEqualTo("unknown"));
    }

    @Test
    void versionsAreNamedAsIstioNamesThem() throws Exception {
        Set<String> orderVersions = fetch().edges().keySet().stream()
                .filter(e -> e.destination().equals(ORDER) && !e.destinationVersion().isEmpty())
                .map(EdgeKey::destinationVersion)
                .collect(Collectors.toSet());
        assertThat(orderVersions).containsExactlyInAnyOrder("v1", "v2");
        assertThat(fetch().edges()).containsKey(new EdgeKey(
                new ServiceRef(MESH, "istio-system", "istio-ingressgateway"), new ServiceRef(MESH, "serverless", "image-resize"),
                "image-resize-00002"));
        assertThat(fetch().edges()).containsKey(new EdgeKey(new ServiceRef(MESH, "payments", "payment-function"),
                new ServiceRef(LAMBDA, "", "invoice-pdf"), "4"));
    }

    @Test
    void movingTheOrderFunctionCanaryMovesItsTrafficWithinOnePoll() throws Exception {
        assertThat(share(fetch(), "v2")).isCloseTo(0.10, within(1e-9));

        setOrderWeights(50, 50);
        try {
            TelemetrySnapshot after = fetch();
            assertThat(share(after, "v1")).isCloseTo(0.5, within(1e-9));
            assertThat(share(after, "v2")).isCloseTo(0.5, within(1e-9));
        } finally {
            setOrderWeights(90, 10);
        }
    }

    @Test
    void theBackgroundRefreshFollowsAChangeItsWatchSaw() throws Exception {
        CallTarget orderHost = new CallTarget.MeshHost("serverless", "order-function");
        try (SandboxRouting routing = new SandboxRouting(client, MESH, sandbox.lambdaEndpoint(), LAMBDA, sandbox.region(),
                Set.of(orderHost))) {
            routing.watchChanges(() -> { });
            routing.refresh();
            assertThat(percentOf(routing.versionsOf(orderHost), "v2")).isEqualTo(10);

            setOrderWeights(50, 50);
            try {
                // what the ticker calls: it lists the mesh's objects again only once the watch has seen the edit
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                double v2 = 10;
                while (v2 != 50 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                    routing.refreshChanged();
                    v2 = percentOf(routing.versionsOf(orderHost), "v2");
                }
                assertThat(v2).isEqualTo(50);
            } finally {
                setOrderWeights(90, 10);
            }
        }
    }

    private static double percentOf(List<RoutedVersion> versions, String version) {
        return versions.stream().filter(v -> v.version().equals(version)).mapToDouble(RoutedVersion::percent).sum();
    }

    @Test
    void aVirtualServiceOnTheLambdaUrlHostSendsTheMeshCallsToTheFallback() throws Exception {
        ServiceRef payment = new ServiceRef(MESH, "payments", "payment-function");
        ServiceRef invoice = new ServiceRef(LAMBDA, "", "invoice-pdf");
        ServiceRef fallback = new ServiceRef(MESH, "payments", "invoice-pdf-fallback");
        // the estate's ServiceEntry names the host the control plane gives the live alias's URL
        HttpResponse<String> url = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sandbox.lambdaEndpoint()
                .resolve("/2021-10-31/functions/invoice-pdf/url?Qualifier=live")).build(), HttpResponse.BodyHandlers.ofString());
        String host = URI.create(new com.fasterxml.jackson.databind.ObjectMapper().readTree(url.body()).path("FunctionUrl").asText()).getHost();
        var entry = client.adapt(IstioClient.class).v1().serviceEntries().inNamespace("payments").withName("invoice-pdf-lambda").get();
        assertThat(entry.getSpec().getHosts()).containsExactly(host);
        assertThat(fetch().edges()).containsKey(new EdgeKey(payment, invoice, "3"));

        client.adapt(IstioClient.class).v1().virtualServices().inNamespace("payments").resource(
                new io.fabric8.istio.api.networking.v1.VirtualServiceBuilder()
                        .withNewMetadata().withName("invoice-pdf-failover").withNamespace("payments").endMetadata()
                        .withNewSpec().withHosts(host).addNewHttp().addNewRoute().withNewDestination()
                        .withHost("invoice-pdf-fallback.payments.svc.cluster.local").endDestination().endRoute().endHttp()
                        .endSpec().build()).create();
        try {
            TelemetrySnapshot after = fetch();
            assertThat(after.edges().keySet()).noneSatisfy(e -> assertThat(e.destination()).isEqualTo(invoice));
            assertThat(after.edges().get(new EdgeKey(payment, fallback, "")).requestsPerSecond()).isGreaterThan(0);
        } finally {
            client.adapt(IstioClient.class).v1().virtualServices().inNamespace("payments").withName("invoice-pdf-failover").delete();
        }
        assertThat(fetch().edges()).containsKey(new EdgeKey(payment, invoice, "3"));
    }

    @Test
    void knativePercentsAndLambdaAliasWeightsAreFollowedToo() throws Exception {
        ServiceRef ingress = new ServiceRef(MESH, "istio-system", "istio-ingressgateway");
        ServiceRef imageResize = new ServiceRef(MESH, "serverless", "image-resize");
        KnativeClient knative = client.adapt(KnativeClient.class);
        knative.services().inNamespace("serverless").withName("image-resize").edit(s -> {
            for (TrafficTarget t : s.getSpec().getTraffic()) {
                t.setPercent("image-resize-00002".equals(t.getRevisionName()) ? 100L : 0L);
            }
            return s;
        });
        putAliasWeight("invoice-pdf", "live", "3", 0.5);

        TelemetrySnapshot after = fetch();
        assertThat(after.edges()).doesNotContainKey(new EdgeKey(ingress, imageResize, "image-resize-00001"));
        assertThat(after.edges().get(new EdgeKey(ingress, imageResize, "image-resize-00002")).requestsPerSecond())
                .isEqualTo(after.edges().get(new EdgeKey(ingress, imageResize, "")).requestsPerSecond());
        ServiceRef payment = new ServiceRef(MESH, "payments", "payment-function");
        ServiceRef invoice = new ServiceRef(LAMBDA, "", "invoice-pdf");
        assertThat(after.edges().get(new EdgeKey(payment, invoice, "4")).requestsPerSecond())
                .isCloseTo(after.edges().get(new EdgeKey(payment, invoice, "3")).requestsPerSecond(), within(1e-9));
    }

    @Test
    void metricsEndpointServesIstioSeriesThatGrow() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI url = sandbox.metricsEndpoint();
        assertThat(url.getHost()).isEqualTo("127.0.0.1");

        HttpResponse<String> first = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1100);
        HttpResponse<String> second = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(first.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
        String orders = "destination_canonical_service=\"order-function\"";
        double before = Exposition.sum(Exposition.samples(first.body()), "istio_requests_total", "reporter=\"destination\"", orders);
        double later = Exposition.sum(Exposition.samples(second.body()), "istio_requests_total", "reporter=\"destination\"", orders);
        assertThat(later).isGreaterThan(before);
        assertThat(first.body()).contains("istio_request_duration_milliseconds_bucket{", "le=\"0.5\"", "le=\"+Inf\"");
    }

    private static double share(TelemetrySnapshot snapshot, String version) {
        return snapshot.edges().get(new EdgeKey(WEB_BFF, ORDER, version)).requestsPerSecond()
                / snapshot.edges().get(new EdgeKey(WEB_BFF, ORDER, "")).requestsPerSecond();
    }

    private static void setOrderWeights(int v1, int v2) {
        client.adapt(IstioClient.class).v1().virtualServices().inNamespace("serverless").withName("order-function")
                .edit(vs -> {
                    var route = vs.getSpec().getHttp().get(0).getRoute();
                    route.get(0).setWeight(v1);
                    route.get(1).setWeight(v2);
                    return vs;
                });
    }

    private static void putAliasWeight(String function, String alias, String version, double weight) throws Exception {
        String body = "{\"FunctionVersion\":\"" + version + "\",\"RoutingConfig\":{\"AdditionalVersionWeights\":{\"4\":"
                + weight + "}}}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        sandbox.lambdaEndpoint().resolve("/2015-03-31/functions/" + function + "/aliases/" + alias))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
