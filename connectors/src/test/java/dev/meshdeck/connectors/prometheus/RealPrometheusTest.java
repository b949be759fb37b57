package dev.meshdeck.connectors.prometheus;

import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.sandbox.traffic.CallGraph;
import dev.meshdeck.sandbox.traffic.CallTarget;
import dev.meshdeck.sandbox.traffic.MetricsEndpoint;
import dev.meshdeck.sandbox.traffic.RoutedVersion;
import dev.meshdeck.sandbox.traffic.Routing;
import dev.meshdeck.sandbox.traffic.TrafficSimulator;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus scrapes the simulator's exporter; MeshDeck's Prometheus source must read back the rates,
 * error ratios and p95 that were emitted, directly and through the Kubernetes API server's service proxy.
 */
class RealPrometheusTest {

    private static final String SCOPE = "kube:it";
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final ServiceRef GATEWAY = new ServiceRef(SCOPE, "istio-system", "istio-ingressgateway");
    private static final ServiceRef WEB = new ServiceRef(SCOPE, "shop", "web");
    private static final ServiceRef ORDERS = new ServiceRef(SCOPE, "shop", "orders");

    /** JUL keeps loggers weakly: hold the one whose level is lowered (the mock logs every request at INFO). */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private static TrafficSimulator simulator;
    private static MetricsEndpoint exporter;
    private static RealPrometheus prometheus;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(RealPrometheus.BINARY), "Debian's prometheus is not installed (apt-get install prometheus)");
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        CallTarget.MeshHost gateway = new CallTarget.MeshHost("istio-system", "istio-ingressgateway");
        CallTarget.MeshHost web = new CallTarget.MeshHost("shop", "web");
        CallTarget.MeshHost orders = new CallTarget.MeshHost("shop", "orders");
        CallGraph graph = new CallGraph(1, 0, List.of(new CallGraph.Call(gateway, web, 12), new CallGraph.Call(web, orders, 20)),
                Map.of("default", new CallGraph.ServiceProfile(15, 0.5, 0.01, Map.of()),
                        "shop/orders", new CallGraph.ServiceProfile(40, 0.5, 0.02,
                                Map.of("v2", new CallGraph.VersionFactors(2.0, 3.0)))));
        Routing routing = Routing.fixed(Map.of(
                gateway, List.of(new RoutedVersion(GATEWAY, "istio-ingressgateway", "latest", "istio-ingressgateway", 100)),
                web, List.of(new RoutedVersion(WEB, "web", "v1", "web-v1", 100)),
                orders, List.of(new RoutedVersion(ORDERS, "orders", "v1", "orders-v1", 75),
                        new RoutedVersion(ORDERS, "orders", "v2", "orders-v2", 25))));
        simulator = new TrafficSimulator(graph, routing, SCOPE, Clock.systemUTC());
        exporter = MetricsEndpoint.start(simulator::exposition, 0);
        prometheus = RealPrometheus.scraping(exporter.url().getHost() + ":" + exporter.url().getPort());
        prometheus.awaitScrapes((int) WINDOW.toSeconds());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (prometheus != null) {
                prometheus.close();
            }
        } finally {
            if (exporter != null) {
                exporter.close();
            }
        }
    }

    @Test
    void edgeRatesErrorRatiosAndP95AreWhatWasEmitted() throws Exception {
        TelemetrySnapshot emitted = simulator.fetch(WINDOW);

        TelemetrySnapshot observed = new PrometheusTelemetry(SCOPE, new DirectPrometheus(prometheus.url())).fetch(WINDOW);

        assertMatches(observed, emitted);
    }

    @Test
    void aCanarysIntervalFiguresAreTheCandidatesAndTheStablesOwn() throws Exception {
        IstioCanaryQueries queries = new IstioCanaryQueries(new DirectPrometheus(prometheus.url()),
                IstioVersion.revision("shop", "orders", "v2"), List.of(IstioVersion.revision("shop", "orders", "v1")));
        java.time.Instant now = java.time.Instant.now();

        dev.meshdeck.core.canary.IntervalMetrics figures = queries.measure(now.minus(WINDOW), now);

        // web -> orders at 20 rps, 25 % to v2 (errors 2 % x 3), 75 % to v1 (2 %), not web's own v1: increase() over
        // 10 s extrapolates
        assertThat(figures.candidate().requests()).isCloseTo(50, within(15.0));
        assertThat(figures.stable().requests()).isCloseTo(150, within(40.0));
        assertThat(figures.candidate().successRatePercent()).isCloseTo(94, within(2.0));
        assertThat(figures.stable().successRatePercent()).isCloseTo(98, within(1.5));
        assertThat(figures.candidate().p99Millis()).isGreaterThan(figures.stable().p99Millis());
        assertThat(figures.candidate().p95Millis()).isLessThan(figures.candidate().p99Millis());
    }

    @Test
    void theClustersPrometheusIsFoundAndQueriedThroughTheApiServerProxy() throws Exception {
        KubernetesMockServer api = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
                new HashMap<>(), new ProxyingDispatcher(prometheus.url()), false);
        api.init(InetAddress.getByName("127.0.0.1"), 0);
        try (KubernetesClient client = api.createClient()) {
            client.services().inNamespace("istio-system").resource(new ServiceBuilder()
                    .withNewMetadata().withName("prometheus").withNamespace("istio-system").endMetadata()
                    .withNewSpec().addNewPort().withName("http-web").withPort(9090).endPort().endSpec().build()).create();

            ApiServerProxyPrometheus proxied = ApiServerProxyPrometheus.discover(client, Duration.ofSeconds(10)).orElseThrow();
            TelemetrySnapshot observed = new PrometheusTelemetry(SCOPE, proxied).fetch(WINDOW);

            assertThat(proxied.describe()).contains("/api/v1/namespaces/istio-system/services/prometheus:9090/proxy/");
            assertMatches(observed, simulator.fetch(WINDOW));
        } finally {
            api.destroy();
        }
    }

    /** PromQL extrapolates rates to the window's edges: a few percent off a constant rate at most. */
    private static void assertMatches(TelemetrySnapshot observed, TelemetrySnapshot emitted) {
        for (EdgeKey edge : List.of(new EdgeKey(GATEWAY, WEB, ""), new EdgeKey(WEB, ORDERS, "v1"),
                new EdgeKey(WEB, ORDERS, "v2"), new EdgeKey(WEB, ORDERS, ""))) {
            TrafficStats want = emitted.edges().get(edge);
            TrafficStats got = observed.edges().get(edge);
            assertThat(got).as(edge.toString()).isNotNull();
            assertThat(got.requestsPerSecond()).as("rps of " + edge).isCloseTo(want.requestsPerSecond(), withinPercentage(10));
            assertThat(got.errorRatio()).as("error ratio of " + edge).isCloseTo(want.errorRatio(), within(0.2 * want.errorRatio()));
            assertThat(got.p95Millis()).as("p95 of " + edge).isCloseTo(want.p95Millis(), withinPercentage(5));
        }
        assertThat(observed.nodes().get(ORDERS).requestsPerSecond())
                .isCloseTo(emitted.nodes().get(ORDERS).requestsPerSecond(), withinPercentage(10));
        // the candidate is slower and fails more, and Prometheus shows it
        assertThat(observed.edges().get(new EdgeKey(WEB, ORDERS, "v2")).p95Millis())
                .isGreaterThan(observed.edges().get(new EdgeKey(WEB, ORDERS, "v1")).p95Millis());
    }

    /** The mock API server, plus the service proxy to Prometheus that a real API server offers. */
    private static final class ProxyingDispatcher extends KubernetesCrudDispatcher {
        private static final String PROXY = "/api/v1/namespaces/istio-system/services/prometheus:9090/proxy/";
        private final URI upstream;
        private final HttpClient http = HttpClient.newHttpClient();

        ProxyingDispatcher(URI upstream) {
            this.upstream = upstream;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (!request.getPath().startsWith(PROXY)) {
                return super.dispatch(request);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        upstream.resolve("/" + request.getPath().substring(PROXY.length()))).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new MockResponse().setResponseCode(response.statusCode()).setBody(response.body());
            } catch (IOException | InterruptedException e) {
                return new MockResponse().setResponseCode(503).setBody(e.toString());
            }
        }
    }
}
