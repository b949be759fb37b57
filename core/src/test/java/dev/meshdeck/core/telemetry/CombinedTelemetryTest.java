package dev.meshdeck.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CombinedTelemetryTest {

    private static final EdgeKey EAST_CALL = new EdgeKey(new ServiceRef("east", "shop", "web"), new ServiceRef("east", "shop", "cart"), "");
    private static final EdgeKey WEST_CALL = new EdgeKey(new ServiceRef("west", "shop", "web"), new ServiceRef("west", "shop", "cart"), "");

    /** A cluster's Prometheus: answers with one edge until {@link #down} is set. */
    private static final class Cluster implements TelemetrySource {
        private final String name;
        private final EdgeKey edge;
        private final double rps;
        boolean down;
        boolean closed;

        Cluster(String name, EdgeKey edge, double rps) {
            this.name = name;
            this.edge = edge;
            this.rps = rps;
        }

        @Override
        public String name() {
            return "prometheus " + name;
        }

        @Override
        public TelemetrySnapshot fetch(Duration window) throws TelemetryException {
            if (down) {
                throw new TelemetryException("connection refused");
            }
            return new TelemetrySnapshot(Instant.EPOCH, Map.of(edge, new TrafficStats(rps, 0.01, 40)), Map.of());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void mergesTheClustersSnapshotsKeptApartByScope() throws Exception {
        Cluster east = new Cluster("east", EAST_CALL, 10);
        Cluster west = new Cluster("west", WEST_CALL, 4);
        try (CombinedTelemetry combined = new CombinedTelemetry(List.of(east, west))) {
            TelemetrySnapshot snapshot = combined.fetch(Duration.ofSeconds(15));
            assertThat(snapshot.edges()).containsOnlyKeys(EAST_CALL, WEST_CALL);
            assertThat(snapshot.edges().get(WEST_CALL).requestsPerSecond()).isEqualTo(4);
            assertThat(combined.name()).isEqualTo("prometheus east, prometheus west");
        }
        assertThat(east.closed && west.closed).isTrue();
    }

    @Test
    void theSameEdgeReportedTwiceAddsUp() {
        TelemetrySnapshot a = new TelemetrySnapshot(Instant.EPOCH, Map.of(EAST_CALL, new TrafficStats(10, 0.0, 40)), Map.of());
        TelemetrySnapshot b = new TelemetrySnapshot(Instant.EPOCH, Map.of(EAST_CALL, new TrafficStats(10, 0.1, 90)), Map.of());
        TrafficStats sum = CombinedTelemetry.merge(List.of(a, b)).edges().get(EAST_CALL);
        assertThat(sum.requestsPerSecond()).isEqualTo(20);
        assertThat(sum.errorRatio()).isEqualTo(0.05);
        assertThat(sum.p95Millis()).isEqualTo(90);
    }

    @Test
    void aLambdaFunctionsUnknownCallerHasOnlyTheCallsItsMeshCallersDidNotMake() {
        ServiceRef payment = new ServiceRef("kube:c", "payments", "payment-function");
        ServiceRef invoice = new ServiceRef("aws::eu-west-1", "", "invoice-pdf");
        TelemetrySnapshot mesh = new TelemetrySnapshot(Instant.EPOCH, Map.of(
                new EdgeKey(payment, invoice, ""), new TrafficStats(3, 0.0, 800),
                new EdgeKey(payment, invoice, "3"), new TrafficStats(2.7, 0.0, 800),
                new EdgeKey(payment, invoice, "4"), new TrafficStats(0.3, 0.0, 900)), Map.of());
        // CloudWatch counts every invocation, the mesh's too, and cannot name a caller
        TelemetrySnapshot cloudWatch = new TelemetrySnapshot(Instant.EPOCH, Map.of(
                new EdgeKey(ServiceRef.UNKNOWN, invoice, ""), new TrafficStats(10, 0.03, 850),
                new EdgeKey(ServiceRef.UNKNOWN, invoice, "3"), new TrafficStats(9, 0.0, 840),
                new EdgeKey(ServiceRef.UNKNOWN, invoice, "4"), new TrafficStats(0.3, 0.0, 950)),
                Map.of(invoice, new TrafficStats(10, 0.03, 850)));

        Map<EdgeKey, TrafficStats> edges = CombinedTelemetry.merge(List.of(mesh, cloudWatch)).edges();

        assertThat(edges.get(new EdgeKey(ServiceRef.UNKNOWN, invoice, "")).requestsPerSecond()).isCloseTo(7, within(1e-9));
        assertThat(edges.get(new EdgeKey(ServiceRef.UNKNOWN, invoice, "")).errorRatio()).isCloseTo(0.3 / 7, within(1e-9));
        assertThat(edges.get(new EdgeKey(ServiceRef.UNKNOWN, invoice, "3")).requestsPerSecond()).isCloseTo(6.3, within(1e-9));
        assertThat(edges).as("every call to version 4 came from the mesh")
                .doesNotContainKey(new EdgeKey(ServiceRef.UNKNOWN, invoice, "4"));
        assertThat(edges.get(new EdgeKey(payment, invoice, "3")).requestsPerSecond()).isEqualTo(2.7);
    }

    @Test
    void aFailingClusterIsNamedWhileTheOthersAndItsLastFiguresStillShow() throws Exception {
        Cluster east = new Cluster("east", EAST_CALL, 10);
        Cluster west = new Cluster("west", WEST_CALL, 4);
        try (CombinedTelemetry combined = new CombinedTelemetry(List.of(east, west))) {
            combined.fetch(Duration.ofSeconds(15));
            west.down = true;
            assertThatThrownBy(() -> combined.fetch(Duration.ofSeconds(15)))
                    .isInstanceOfSatisfying(PartialTelemetryException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("prometheus west: connection refused");
                        assertThat(e.snapshot().edges()).containsOnlyKeys(EAST_CALL, WEST_CALL);
                    });
            east.down = true;
            assertThatThrownBy(() -> combined.fetch(Duration.ofSeconds(15)))
                    .isExactlyInstanceOf(TelemetryException.class)
                    .hasMessage("prometheus east: connection refused; prometheus west: connection refused");
        }
    }

    @Test
    void oneSourceIsUsedAsItIs() {
        Cluster east = new Cluster("east", EAST_CALL, 10);
        assertThat(CombinedTelemetry.of(List.of(east))).isSameAs(east);
    }
}
