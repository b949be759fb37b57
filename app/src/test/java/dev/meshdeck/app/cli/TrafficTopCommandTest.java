package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.sandbox.Sandbox;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `meshdeck traffic top`: the sandbox's simulated traffic, and what it says when a Prometheus cannot answer. */
class TrafficTopCommandTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(0, 0, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /** Against the running sandbox's kubeconfig, as a real cluster would be used. */
    private static Cli onCluster(String... args) {
        List<String> all = new ArrayList<>(List.of("traffic", "top", "--kubeconfig", sandbox.kubeconfig().toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void sandboxEdgesAsJsonFollowTheCanaryWithRatesErrorsAndLatency() throws Exception {
        Cli cli = Cli.run("traffic", "top", "--sandbox", "-o", "json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode edges = new ObjectMapper().readTree(cli.out()).path("edges");
        double all = 0;
        double v2 = 0;
        for (JsonNode edge : edges) {
            if (edge.at("/source/service").asText().equals("web-bff")
                    && edge.at("/destination/service").asText().equals("order-function")) {
                assertThat(edge.at("/destination/scope").asText()).isEqualTo("kube:meshdeck-sandbox");
                assertThat(edge.path("requestsPerSecond").asDouble()).isPositive();
                assertThat(edge.path("errorRatio").asDouble()).isBetween(0.0, 0.1);
                assertThat(edge.path("p95Millis").asDouble()).isPositive();
                if (edge.path("version").isNull()) {
                    all = edge.path("requestsPerSecond").asDouble();
                } else if (edge.path("version").asText().equals("v2")) {
                    v2 = edge.path("requestsPerSecond").asDouble();
                }
            }
        }
        assertThat(v2 / all).isCloseTo(0.10, org.assertj.core.api.Assertions.within(1e-9));
        // telemetry's version for pipelines, and the Lambda alias that routes to it
        assertThat(edges.findValues("alias")).isNotEmpty();
        for (JsonNode edge : edges) {
            if (edge.at("/destination/service").asText().equals("invoice-pdf") && edge.path("version").asText().equals("4")) {
                assertThat(edge.path("alias").asText()).isEqualTo("live");
            }
        }
    }

    @Test
    void sandboxEdgesAsATable() {
        Cli cli = Cli.run("traffic", "top", "--sandbox");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out().lines().findFirst().orElseThrow())
                .matches("SOURCE\\s+DESTINATION\\s+VERSION\\s+RPS\\s+ERR%\\s+P95\\(ms\\)");
        assertThat(cli.out()).containsPattern("frontend/web-bff\\s+serverless/order-function\\s+v2\\s+\\d+\\.\\d\\d\\s+\\d+\\.\\d\\d\\s+\\d+\\.\\d")
                // versions as the window names them: a revision without its function's name, the Lambda alias
                .containsPattern("istio-ingressgateway\\s+serverless/image-resize\\s+00002\\s")
                .containsPattern("payments/payment-function\\s+lambda/invoice-pdf\\s+4 \\(live\\)\\s");
    }

    @Test
    void anUnreachablePrometheusIsNamedOnStderr() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Cli cli = onCluster("--prometheus", "http://127.0.0.1:" + closed);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("meshdeck traffic top: cannot reach Prometheus http://127.0.0.1:" + closed);
    }

    @Test
    void withoutAUrlTheClustersPrometheusIsAskedThroughTheApiServer() {
        Cli cli = onCluster();

        // the sandbox serves its own Prometheus behind the Service istio-system/prometheus: it answers (before its
        // second scrape there is no rate yet, so no row)
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).startsWith("SOURCE  DESTINATION");
    }

    @Test
    void aUrlForAnUnknownContextIsAUsageError() {
        Cli cli = onCluster("--prometheus", "prod=http://127.0.0.1:9090");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("no context prod among [meshdeck-sandbox]");
    }
}
