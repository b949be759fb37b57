package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `meshdeck alerts` over a Prometheus' /api/v1/alerts answer (as Prometheus 2.42 writes it; the real Prometheus
 * evaluating `slo set` rules is PrometheusAlertsTest in connectors).
 */
class AlertsCommandTest {

    private static final String ANSWER = """
            {"status":"success","data":{"alerts":[
             {"labels":{"alertname":"HighFunctionLatency","destination_service":"order-function.serverless.svc.cluster.local",
                        "severity":"warning"},
              "annotations":{"summary":"p95 latency of order-function.serverless.svc.cluster.local is above 1s"},
              "state":"pending","activeAt":"2026-12-08T00:50:00.123456789Z","value":"1.2e+03"},
             {"labels":{"alertname":"FunctionErrorRateSloBreached","function":"payment-function","namespace":"payments",
                        "severity":"critical"},
              "annotations":{},"state":"firing","activeAt":"2026-12-08T00:55:00Z","value":"0.05"},
             {"labels":{"alertname":"Watchdog"},"annotations":{},"state":"firing","activeAt":"2026-12-08T00:40:00Z","value":"1"}
            ]}}""";

    private HttpServer prometheus;
    private String url;

    @BeforeEach
    void start() throws Exception {
        prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prometheus.createContext("/api/v1/alerts", exchange -> {
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        prometheus.start();
        url = "http://127.0.0.1:" + prometheus.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        prometheus.stop(0);
    }

    @Test
    void jsonListsEachAlertOnItsFunctionFiringFirst() throws Exception {
        Cli cli = Cli.run("alerts", "--prometheus", url, "-o", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(cli.out());
        assertThat(rows).extracting(r -> r.path("function").asText(), r -> r.path("name").asText(), r -> r.path("state").asText())
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("null", "Watchdog", "firing"),
                        org.assertj.core.api.Assertions.tuple("payments/payment-function", "FunctionErrorRateSloBreached", "firing"),
                        org.assertj.core.api.Assertions.tuple("serverless/order-function", "HighFunctionLatency", "pending"));
        JsonNode latency = rows.get(2);
        assertThat(latency.path("severity").asText()).isEqualTo("warning");
        assertThat(latency.path("value").asDouble()).isEqualTo(1200);
        assertThat(latency.path("since").asText()).isEqualTo("2026-12-08T00:50:00.123456789Z");
        assertThat(latency.path("source").asText()).isEqualTo(url);
    }

    @Test
    void theTableHasOneRowPerAlertAndAnUnreachablePrometheusIsNamed() {
        Cli cli = Cli.run("alerts", "--prometheus", url, "--prometheus", "http://127.0.0.1:1");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("cannot reach Prometheus http://127.0.0.1:1");
        assertThat(cli.out().lines()).hasSize(4);
        assertThat(cli.out().lines().toList().get(0)).startsWith("FUNCTION").contains("ALERT", "SEVERITY", "STATE", "ACTIVE FOR", "VALUE");
        assertThat(cli.out()).contains("payments/payment-function", "critical", "1200");
    }
}
