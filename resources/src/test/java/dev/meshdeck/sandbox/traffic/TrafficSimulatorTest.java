package dev.meshdeck.sandbox.traffic;

import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

class TrafficSimulatorTest {

    private static final String SCOPE = "kube:test";
    private static final ServiceRef WEB = new ServiceRef(SCOPE, "shop", "web");
    private static final ServiceRef ORDERS = new ServiceRef(SCOPE, "shop", "orders");
    private static final ServiceRef INVOICE = new ServiceRef("aws::eu-west-1", "", "invoice");
    private static final CallTarget.MeshHost WEB_HOST = new CallTarget.MeshHost("shop", "web");
    private static final CallTarget.MeshHost ORDERS_HOST = new CallTarget.MeshHost("shop", "orders");
    private static final CallTarget.LambdaFunction INVOICE_LIVE = new CallTarget.LambdaFunction("invoice", "live");

    private final SettableClock clock = new SettableClock(Instant.parse("2025-06-01T10:00:00Z"));
    private final AtomicReference<Map<CallTarget, List<RoutedVersion>>> table = new AtomicReference<>();
    private TrafficSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        table.set(routing(80, 20));
        simulator = new TrafficSimulator(graph("/traffic/two-versions.yaml"), target -> table.get().getOrDefault(target, List.of()),
                SCOPE, clock);
    }

    private static Map<CallTarget, List<RoutedVersion>> routing(double v1, double v2) {
        return Map.of(
                WEB_HOST, List.of(new RoutedVersion(WEB, "web", "v1", "web-v1", 100)),
                ORDERS_HOST, List.of(new RoutedVersion(ORDERS, "orders", "v1", "orders-v1", v1),
                        new RoutedVersion(ORDERS, "orders", "v2", "orders-v2", v2)),
                INVOICE_LIVE, List.of(new RoutedVersion(INVOICE, "invoice.lambda-url.eu-west-1.on.aws", "1", "invoice", 90),
                        new RoutedVersion(INVOICE, "invoice.lambda-url.eu-west-1.on.aws", "2", "invoice", 10)));
    }

    static CallGraph graph(String resource) throws IOException {
        try (InputStream in = TrafficSimulatorTest.class.getResourceAsStream(resource)) {
            return CallGraph.read(in, resource);
        }
    }

    /** The series grown by {@code seconds} of traffic from a first scrape. */
    private Map<String, Double> samplesAfter(int seconds) {
        simulator.exposition();
        clock.advance(Duration.ofSeconds(seconds));
        return Exposition.samples(simulator.exposition());
    }

    @Test
    void aCandidateThatBreaksUnderLoadFailsOnlyOnceItTakesMoreThanItsShare() throws IOException {
        TrafficSimulator overloaded = new TrafficSimulator(graph("/traffic/overloaded-candidate.yaml"),
                target -> table.get().getOrDefault(target, List.of()), SCOPE, clock);

        assertThat(overloaded.fetch(Duration.ofMinutes(1)).edges().get(new EdgeKey(WEB, ORDERS, "v2")).errorRatio())
                .isCloseTo(0.01, offset(1e-9));
        table.set(routing(79, 21));
        assertThat(overloaded.fetch(Duration.ofMinutes(1)).edges().get(new EdgeKey(WEB, ORDERS, "v2")).errorRatio())
                .isCloseTo(0.09, offset(1e-9));
        assertThat(overloaded.fetch(Duration.ofMinutes(1)).edges().get(new EdgeKey(WEB, ORDERS, "v1")).errorRatio())
                .isCloseTo(0.01, offset(1e-9));
    }

    @Test
    void fetchSplitsEachCallByTheRoutingWeightsWithEachVersionsProfile() {
        TelemetrySnapshot snapshot = simulator.fetch(Duration.ofMinutes(1));

        TrafficStats v1 = snapshot.edges().get(new EdgeKey(WEB, ORDERS, "v1"));
        TrafficStats v2 = snapshot.edges().get(new EdgeKey(WEB, ORDERS, "v2"));
        assertThat(v1.requestsPerSecond()).isCloseTo(8, offset(1e-9));
        assertThat(v2.requestsPerSecond()).isCloseTo(2, offset(1e-9));
        assertThat(v1.errorRatio()).isCloseTo(0.01, offset(1e-9));
        assertThat(v2.errorRatio()).isCloseTo(0.05, offset(1e-9));
        // log-normal median 40 ms, sigma 0.5: the true p95 is 91 ms, inside the (50, 100] bucket
        assertThat(v1.p95Millis()).isBetween(50.0, 100.0);
        assertThat(v2.p95Millis()).isGreaterThan(v1.p95Millis());

        TrafficStats summed = snapshot.edges().get(new EdgeKey(WEB, ORDERS, ""));
        assertThat(summed.requestsPerSecond()).isCloseTo(10, offset(1e-9));
        assertThat(summed.errorRatio()).isCloseTo(0.8 * 0.01 + 0.2 * 0.05, offset(1e-9));
        assertThat(summed.p95Millis()).isBetween(v1.p95Millis(), v2.p95Millis());
        assertThat(snapshot.nodes().get(ORDERS).requestsPerSecond()).isCloseTo(10, offset(1e-9));
        // the caller of the Lambda function is named as the caller's busiest version
        assertThat(snapshot.edges().get(new EdgeKey(ORDERS, INVOICE, "2")).requestsPerSecond()).isCloseTo(0.2, offset(1e-9));
    }

    @Test
    void movingTheCanaryMovesTheSplitAtTheNextFetch() {
        simulator.fetch(Duration.ofMinutes(1));
        table.set(routing(50, 50));

        TelemetrySnapshot snapshot = simulator.fetch(Duration.ofMinutes(1));

        assertThat(snapshot.edges().get(new EdgeKey(WEB, ORDERS, "v1")).requestsPerSecond()).isCloseTo(5, offset(1e-9));
        assertThat(snapshot.edges().get(new EdgeKey(WEB, ORDERS, "v2")).requestsPerSecond()).isCloseTo(5, offset(1e-9));
    }

    @Test
    void countersGrowWithElapsedTimeAtTheFlowsRatesAndNeverShrink() {
        Map<String, Double> first = samplesAfter(10);

        String dest = "reporter=\"destination\"";
        assertThat(Exposition.sum(first, "istio_requests_total", dest, "destination_canonical_service=\"orders\""))
                .isCloseTo(100, within(1e-3));
        assertThat(Exposition.sum(first, "istio_requests_total", dest, "destination_canonical_revision=\"v2\""))
                .isCloseTo(20, within(1e-3));
        assertThat(Exposition.sum(first, "istio_requests_total", dest, "destination_canonical_service=\"orders\"",
                "response_code=\"50")).isCloseTo(10 * 10 * (0.8 * 0.01 + 0.2 * 0.05), within(1e-3));
        // both proxies report mesh-internal requests
        assertThat(Exposition.sum(first, "istio_requests_total", "reporter=\"source\"", "destination_canonical_service=\"orders\""))
                .isCloseTo(100, within(1e-3));

        table.set(routing(0, 100));
        clock.advance(Duration.ofSeconds(5));
        Map<String, Double> second = Exposition.samples(simulator.exposition());

        first.forEach((series, value) -> assertThat(second.get(series)).as(series).isGreaterThanOrEqualTo(value));
        assertThat(Exposition.sum(second, "istio_requests_total", dest, "destination_canonical_revision=\"v2\""))
                .isCloseTo(20 + 50, within(1e-3));
    }

    @Test
    void histogramBucketsAreCumulativeAndCountEveryRequest() {
        Map<String, Double> samples = samplesAfter(30);

        String series = "reporter=\"destination\",source_workload=\"web-v1\",source_workload_namespace=\"shop\","
                + "source_canonical_service=\"web\",destination_workload=\"orders-v1\",destination_workload_namespace=\"shop\","
                + "destination_service=\"orders.shop.svc.cluster.local\",destination_service_name=\"orders\","
                + "destination_service_namespace=\"shop\",destination_canonical_service=\"orders\","
                + "destination_canonical_revision=\"v1\",response_code=\"200\",grpc_response_status=\"\","
                + "request_protocol=\"http\",connection_security_policy=\"mutual_tls\"";
        double previous = 0;
        for (double bound : LatencyBuckets.BOUNDS) {
            String le = bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
            double bucket = samples.get("istio_request_duration_milliseconds_bucket{" + series + ",le=\"" + le + "\"}");
            assertThat(bucket).isGreaterThanOrEqualTo(previous);
            previous = bucket;
        }
        double count = samples.get("istio_request_duration_milliseconds_count{" + series + "}");
        assertThat(samples.get("istio_request_duration_milliseconds_bucket{" + series + ",le=\"+Inf\"}")).isEqualTo(count);
        assertThat(count).isCloseTo(8 * 30 * 0.99, within(1e-3));
        assertThat(samples.get("istio_request_duration_milliseconds_sum{" + series + "}") / count)
                .isCloseTo(40 * Math.exp(0.125), within(1e-3));
    }

    @Test
    void callsLeavingTheMeshAreReportedByTheCallerOnlyUnderTheFunctionsHost() {
        Map<String, Double> samples = samplesAfter(10);

        String lambdaHost = "destination_service_name=\"invoice.lambda-url.eu-west-1.on.aws\"";
        assertThat(Exposition.sum(samples, "istio_requests_total", "reporter=\"source\"", lambdaHost,
                "destination_canonical_service=\"unknown\"")).isCloseTo(20, within(1e-3));
        assertThat(Exposition.sum(samples, "istio_requests_total", "reporter=\"destination\"", lambdaHost)).isZero();
    }

    @Test
    void theSameSeedWandersTheSameWayWithinTheNoise() {
        CallGraph noisy = new CallGraph(42, 0.1, List.of(new CallGraph.Call(WEB_HOST, ORDERS_HOST, 10)),
                Map.of("default", new CallGraph.ServiceProfile(20, 0.5, 0.01, Map.of())));
        TrafficSimulator a = new TrafficSimulator(noisy, target -> table.get().getOrDefault(target, List.of()), SCOPE, clock);
        TrafficSimulator b = new TrafficSimulator(noisy, target -> table.get().getOrDefault(target, List.of()), SCOPE, clock);
        EdgeKey edge = new EdgeKey(WEB, ORDERS, "");

        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < 60; i++) {
            double rate = a.fetch(Duration.ofMinutes(1)).edges().get(edge).requestsPerSecond();
            assertThat(b.fetch(Duration.ofMinutes(1)).edges().get(edge).requestsPerSecond()).isEqualTo(rate);
            min = Math.min(min, rate);
            max = Math.max(max, rate);
            clock.advance(Duration.ofSeconds(7));
        }
        assertThat(min).isGreaterThanOrEqualTo(9.0);
        assertThat(max).isLessThanOrEqualTo(11.0);
        assertThat(max - min).as("traffic wanders").isGreaterThan(0.2);
    }
}
