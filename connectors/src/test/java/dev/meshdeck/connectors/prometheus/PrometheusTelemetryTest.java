package dev.meshdeck.connectors.prometheus;

import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.meshdeck.connectors.prometheus.FakePrometheus.sample;
import static dev.meshdeck.connectors.prometheus.FakePrometheus.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class PrometheusTelemetryTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String SCOPE = "kube:prod";
    private static final ServiceRef WEB = new ServiceRef(SCOPE, "frontend", "web-bff");
    private static final ServiceRef ORDER = new ServiceRef(SCOPE, "serverless", "order-function");
    private static final ServiceRef GRPC = new ServiceRef(SCOPE, "backend", "stock");

    private FakePrometheus prometheus;

    @BeforeEach
    void start() throws Exception {
        prometheus = new FakePrometheus();
    }

    @AfterEach
    void stop() {
        prometheus.close();
    }

    private static String[] edge(String version, String code, String grpc) {
        return new String[]{"source_workload_namespace", "frontend", "source_canonical_service", "web-bff",
            "destination_service_namespace", "serverless", "destination_canonical_service", "order-function",
            "destination_canonical_revision", version, "response_code", code, "grpc_response_status", grpc};
    }

    private void answerOrderFunctionTraffic() {
        prometheus.answer(IstioQueries.requestRates(WINDOW), 200, vector(String.join(",",
                sample("8.5", edge("v1", "200", "")),
                sample("0.5", edge("v1", "503", "")),
                sample("1.8", edge("v2", "200", "")),
                sample("0.2", edge("v2", "500", "")),
                // gRPC: failures travel with HTTP 200
                sample("3", "source_workload_namespace", "frontend", "source_canonical_service", "web-bff",
                        "destination_service_namespace", "backend", "destination_canonical_service", "stock",
                        "destination_canonical_revision", "v1", "response_code", "200", "grpc_response_status", "0"),
                sample("1", "source_workload_namespace", "frontend", "source_canonical_service", "web-bff",
                        "destination_service_namespace", "backend", "destination_canonical_service", "stock",
                        "destination_canonical_revision", "v1", "response_code", "200", "grpc_response_status", "14"),
                // an ingress without Istio's labels
                sample("2", "source_workload_namespace", "unknown", "source_canonical_service", "unknown",
                        "destination_service_namespace", "frontend", "destination_canonical_service", "web-bff",
                        "destination_canonical_revision", "latest", "response_code", "200", "grpc_response_status", ""))));
        String[] v1 = {"source_workload_namespace", "frontend", "source_canonical_service", "web-bff",
            "destination_service_namespace", "serverless", "destination_canonical_service", "order-function",
            "destination_canonical_revision", "v1"};
        String[] v2 = v1.clone();
        v2[9] = "v2";
        prometheus.answer(IstioQueries.p95ByVersion(WINDOW), 200, vector(sample("80", v1) + "," + sample("140", v2)));
        prometheus.answer(IstioQueries.p95ByEdge(WINDOW), 200, vector(sample("95.5", java.util.Arrays.copyOf(v1, 8))));
        prometheus.answer(IstioQueries.p95ByNode(WINDOW), 200, vector(
                sample("96", "destination_service_namespace", "serverless", "destination_canonical_service", "order-function")
                        + "," + sample("NaN", "destination_service_namespace", "backend", "destination_canonical_service", "stock")));
    }

    @Test
    void ratesErrorsAndP95PerVersionAndSummedOverVersions() throws Exception {
        answerOrderFunctionTraffic();

        TelemetrySnapshot snapshot = new PrometheusTelemetry(SCOPE, new DirectPrometheus(prometheus.url())).fetch(WINDOW);

        TrafficStats v1 = snapshot.edges().get(new EdgeKey(WEB, ORDER, "v1"));
        assertThat(v1.requestsPerSecond()).isCloseTo(9, offset(1e-9));
        assertThat(v1.errorRatio()).isCloseTo(0.5 / 9, offset(1e-9));
        assertThat(v1.p95Millis()).isEqualTo(80);
        assertThat(snapshot.edges().get(new EdgeKey(WEB, ORDER, "v2")))
                .isEqualTo(new TrafficStats(2, 0.1, 140));
        TrafficStats all = snapshot.edges().get(new EdgeKey(WEB, ORDER, ""));
        assertThat(all.requestsPerSecond()).isCloseTo(11, offset(1e-9));
        assertThat(all.errorRatio()).isCloseTo(0.7 / 11, offset(1e-9));
        assertThat(all.p95Millis()).isEqualTo(95.5);
        assertThat(snapshot.nodes().get(ORDER).p95Millis()).isEqualTo(96);
    }

    @Test
    void grpcStatusOtherThanOkIsAnErrorAndMissingLatencyIsUnknown() throws Exception {
        answerOrderFunctionTraffic();

        TelemetrySnapshot snapshot = new PrometheusTelemetry(SCOPE, new DirectPrometheus(prometheus.url())).fetch(WINDOW);

        TrafficStats stock = snapshot.nodes().get(GRPC);
        assertThat(stock.requestsPerSecond()).isCloseTo(4, offset(1e-9));
        assertThat(stock.errorRatio()).isCloseTo(0.25, offset(1e-9));
        assertThat(stock.hasLatency()).isFalse();
    }

    @Test
    void callersWithoutIstioLabelsAreTheUnknownNodeAndLatestIsAVersion() throws Exception {
        answerOrderFunctionTraffic();

        TelemetrySnapshot snapshot = new PrometheusTelemetry(SCOPE, new DirectPrometheus(prometheus.url())).fetch(WINDOW);

        assertThat(snapshot.edges()).containsKey(new EdgeKey(ServiceRef.UNKNOWN, WEB, "latest"));
        assertThat(snapshot.edges().get(new EdgeKey(ServiceRef.UNKNOWN, WEB, "")).requestsPerSecond()).isEqualTo(2);
    }

    @Test
    void queriesUseKialisShapesWithTheWindow() {
        assertThat(IstioQueries.requestRates(Duration.ofSeconds(30))).isEqualTo(
                "sum(rate(istio_requests_total{reporter=\"destination\"}[30s])) by (source_workload_namespace,"
                        + "source_canonical_service,destination_service_namespace,destination_canonical_service,"
                        + "destination_canonical_revision,response_code,grpc_response_status)");
        assertThat(IstioQueries.p95ByEdge(Duration.ofMinutes(2))).isEqualTo(
                "histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket{reporter=\"destination\"}"
                        + "[120s])) by (le,source_workload_namespace,source_canonical_service,"
                        + "destination_service_namespace,destination_canonical_service))");
    }

    @Test
    void prometheusErrorsNameTheUrlTheStatusAndPrometheusReason() {
        prometheus.answer(IstioQueries.requestRates(WINDOW), 400,
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"query\\\": 1:2: parse error\"}");
        PrometheusTelemetry telemetry = new PrometheusTelemetry(SCOPE,
                new DirectPrometheus(prometheus.url(), Optional.of("Bearer s3cr3t-token"), Duration.ofSeconds(5)));

        assertThatThrownBy(() -> telemetry.fetch(WINDOW))
                .isInstanceOf(TelemetryException.class)
                .hasMessageContaining(prometheus.url().toString())
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("bad_data: invalid parameter \"query\": 1:2: parse error")
                .message().doesNotContain("s3cr3t");
        // the token went to Prometheus, and nowhere else
        assertThat(prometheus.authorizations).containsOnly("Bearer s3cr3t-token");
        assertThat(telemetry.name()).isEqualTo("prometheus " + prometheus.url()).doesNotContain("s3cr3t");
    }

    @Test
    void anUnreachablePrometheusSaysWhereItWasLookedFor() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> new PrometheusTelemetry(SCOPE, new DirectPrometheus(url)).fetch(WINDOW))
                .isInstanceOf(TelemetryException.class)
                .hasMessageStartingWith("cannot reach Prometheus " + url)
                .hasMessageContaining("check the URL");
    }
}
