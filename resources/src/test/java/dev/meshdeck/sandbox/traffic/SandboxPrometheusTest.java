package dev.meshdeck.sandbox.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.sandbox.kube.ServiceBackend;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's Prometheus over the real traffic profiles and the seeded rules (sandbox/estate/monitoring.yaml):
 * pdf-render, the slow function, fires; thumbnail, in the same namespace, stays healthy.
 */
class SandboxPrometheusTest {

    private static final String SCOPE = "kube:sandbox";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SettableClock clock;
    private SandboxPrometheus prometheus;

    @BeforeEach
    void start() throws Exception {
        clock = new SettableClock(Instant.parse("2026-12-08T03:00:00Z"));
        CallTarget.MeshHost pdf = new CallTarget.MeshHost("serverless", "pdf-render");
        CallTarget.MeshHost thumbnail = new CallTarget.MeshHost("serverless", "thumbnail");
        Routing routing = Routing.fixed(Map.of(
                pdf, List.of(new RoutedVersion(new ServiceRef(SCOPE, "serverless", "pdf-render"), "pdf-render", "latest", "pdf-render", 100)),
                thumbnail, List.of(new RoutedVersion(new ServiceRef(SCOPE, "serverless", "thumbnail"), "thumbnail", "00003",
                        "thumbnail-00003-deployment", 100))));
        TrafficSimulator simulator = new TrafficSimulator(CallGraph.sandboxDefault(), routing, SCOPE, clock);
        List<JsonNode> rules = seededRules();
        prometheus = new SandboxPrometheus(simulator::samples, () -> rules, clock, "sandbox prometheus");
    }

    private static List<JsonNode> seededRules() throws Exception {
        List<JsonNode> rules = new ArrayList<>();
        try (InputStream in = SandboxPrometheusTest.class.getClassLoader().getResourceAsStream("sandbox/estate/monitoring.yaml");
             YAMLParser parser = new YAMLFactory().createParser(in)) {
            new ObjectMapper(new YAMLFactory()).readValues(parser, JsonNode.class).forEachRemaining(o -> {
                if (o.path("kind").asText().equals("PrometheusRule")) {
                    rules.add(o);
                }
            });
        }
        return rules;
    }

    /** Scrapes and evaluates every interval for {@code length}, as the sandbox's ticker does. */
    private void run(Duration length) {
        for (Duration d = Duration.ZERO; d.compareTo(length) < 0; d = d.plus(SandboxPrometheus.INTERVAL)) {
            clock.advance(SandboxPrometheus.INTERVAL);
            prometheus.tick();
        }
    }

    private JsonNode get(String path) throws Exception {
        ServiceBackend.Reply reply = prometheus.answer(path);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body()).path("data");
    }

    @Test
    void theSlowFunctionsSloAlertIsPendingThenFiringAfterItsFor() throws Exception {
        run(Duration.ofSeconds(10));
        // both rules select pdf-render (and only it), neither has held for its for yet
        assertThat(get("api/v1/alerts").path("alerts")).extracting(a -> a.path("labels").path("alertname").asText(),
                a -> a.path("state").asText()).containsExactlyInAnyOrder(
                tuple("FunctionLatencySloBreached", "pending"), tuple("HighFunctionLatency", "pending"));

        run(Duration.ofSeconds(30));
        JsonNode alert = null;
        for (JsonNode a : get("api/v1/alerts").path("alerts")) {
            if (a.path("labels").path("alertname").asText().equals("FunctionLatencySloBreached")) {
                alert = a;
            }
        }
        assertThat(alert.path("labels").path("function").asText()).isEqualTo("pdf-render");
        assertThat(alert.path("state").asText()).isEqualTo("firing");
        assertThat(alert.path("labels").path("severity").asText()).isEqualTo("critical");
        // the simulator's pdf-render: 600 ms median, a p95 well above its 1 s objective
        assertThat(Double.parseDouble(alert.path("value").asText())).isBetween(1200.0, 3000.0);
        assertThat(alert.path("annotations").path("summary").asText()).startsWith("p95 latency of serverless/pdf-render is ");
    }

    @Test
    void theSeedsLatencyAlertFiresForPdfRenderOnlyAfterFiveMinutes() throws Exception {
        run(Duration.ofMinutes(4));
        assertThat(prometheus.read()).extracting(ActiveAlert::name, ActiveAlert::state).contains(
                tuple("HighFunctionLatency", ActiveAlert.State.PENDING));

        run(Duration.ofMinutes(2));

        assertThat(prometheus.read()).extracting(ActiveAlert::name, ActiveAlert::function, ActiveAlert::state)
                .containsExactlyInAnyOrder(
                        tuple("FunctionLatencySloBreached", Optional.of("serverless/pdf-render"), ActiveAlert.State.FIRING),
                        tuple("HighFunctionLatency", Optional.of("serverless/pdf-render"), ActiveAlert.State.FIRING));
    }

    @Test
    void rulesListEveryRuleWithItsStateAndHealth() throws Exception {
        run(Duration.ofMinutes(1));

        JsonNode groups = get("api/v1/rules").path("groups");
        assertThat(groups).extracting(g -> g.path("name").asText()).containsExactly("serverless-functions", "pdf-render-slo");
        List<JsonNode> rules = new ArrayList<>();
        groups.forEach(g -> g.path("rules").forEach(rules::add));
        assertThat(rules).extracting(r -> r.path("name").asText(), r -> r.path("type").asText(), r -> r.path("health").asText(),
                r -> r.path("state").asText(null)).containsExactly(
                tuple("HighFunctionLatency", "alerting", "ok", "pending"),
                tuple("function:istio_request_duration_milliseconds:p95_rate5m", "recording", "ok", null),
                tuple("FunctionLatencySloBreached", "alerting", "ok", "firing"));
    }

    @Test
    void instantQueriesAnswerWhatMeshDecksTelemetryAsks() throws Exception {
        run(Duration.ofMinutes(1));

        assertThat(get("api/v1/query?query=vector(1)").path("result").get(0).path("value").get(1).asText()).isEqualTo("1");
        JsonNode rates = get("api/v1/query?query=" + java.net.URLEncoder.encode(
                "sum(rate(istio_requests_total{reporter=\"destination\"}[1m])) by (destination_service_name)",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(rates.path("resultType").asText()).isEqualTo("vector");
        assertThat(rates.path("result")).extracting(r -> r.path("metric").path("destination_service_name").asText())
                .containsExactlyInAnyOrder("pdf-render", "thumbnail");
        ServiceBackend.Reply bad = prometheus.answer("api/v1/query?query=topk(1,up)");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).contains("topk");
    }
}
