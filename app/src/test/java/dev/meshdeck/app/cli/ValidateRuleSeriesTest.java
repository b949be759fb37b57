package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.meshdeck.sandbox.Sandbox;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #18: `validate --context` asks the context's Prometheus whether a function's rule selects any series (MD0808). */
class ValidateRuleSeriesTest {

    private static final String RULES = """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: functions
              namespace: serverless
            spec:
              groups:
                - name: functions
                  rules:
                    - alert: OrderFunctionSlow
                      expr: rate(istio_requests_total{destination_service="order-function.serverless.svc.cluster.local"}[5m]) > 100
                      labels: {severity: warning}
                    - alert: MisspeltFunctionSlow
                      expr: rate(istio_requests_total{destination_service="order-fuction.serverless.svc.cluster.local"}[5m]) > 100
                      labels: {severity: warning}
            """;

    @Test
    void aRuleSelectingNoSeriesOfItsFunctionIsAWarningAndAnUnreachablePrometheusIsSaid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, RULES);
        HttpServer prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prometheus.createContext("/api/v1/query", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("query=".length()), StandardCharsets.UTF_8);
            String result = query.contains("order-function.serverless") ? "{\"metric\":{},\"value\":[1.0,\"3\"]}" : "";
            byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        prometheus.start();
        try (Sandbox sandbox = Sandbox.start(0, 0, 0)) {
            String context = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(sandbox.kubeconfig().toFile()).path("current-context").asText();
            Cli cli = Cli.run("validate", "-f", file.toString(), "--kubeconfig", sandbox.kubeconfig().toString(), "--context", context,
                    "--prometheus", "http://127.0.0.1:" + prometheus.getAddress().getPort());
            assertThat(cli.out()).containsOnlyOnce("MD0808").contains("alert MisspeltFunctionSlow selects no series",
                    "count(istio_requests_total{destination_service=\"order-fuction.serverless.svc.cluster.local\"})");
            assertThat(cli.out().lines().filter(l -> l.contains("MD0808")).findFirst().orElseThrow()).startsWith(file + ":14:11: warning MD0808");

            Cli proxied = Cli.run("validate", "-f", file.toString(), "--kubeconfig", sandbox.kubeconfig().toString(), "--context", context);
            assertThat(proxied.out() + proxied.err()).satisfiesAnyOf(
                    text -> assertThat(text).contains("MD0808 not fully checked", "istio-system/services/prometheus:9090/proxy"),
                    text -> assertThat(text).contains("MD0808@").doesNotContain("OrderFunctionSlow selects no series"),
                    text -> assertThat(text).contains("alert MisspeltFunctionSlow selects no series"));
        } finally {
            prometheus.stop(0);
        }
    }
}
