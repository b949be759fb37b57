package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.meshdeck.sandbox.Sandbox;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `meshdeck alerts` over a Prometheus' /api/v1/alerts answer (as Prometheus 2.42 writes it) and an Alertmanager's
 * /api/v2 (as Alertmanager 0.25 writes it); the real Prometheus and Alertmanager are in connectors'
 * PrometheusAlertsTest and RealAlertmanagerTest.
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

    /** payment-function's alert as Alertmanager has it: Prometheus' labels plus an external label, silenced. */
    private static final String ROUTED = """
            [{"annotations":{},"endsAt":"2026-12-08T01:10:00Z","fingerprint":"3c2e","receivers":[{"name":"payments-oncall"}],
              "startsAt":"2026-12-08T00:55:00Z","updatedAt":"2026-12-08T00:56:00Z",
              "status":{"inhibitedBy":[],"silencedBy":["7f1c"],"state":"suppressed"},
              "labels":{"alertname":"FunctionErrorRateSloBreached","function":"payment-function","namespace":"payments",
                        "severity":"critical","cluster":"prod"}},
             {"annotations":{"summary":"disk full"},"endsAt":"2026-12-08T01:10:00Z","fingerprint":"9a9a","receivers":[{"name":"infra"}],
              "startsAt":"2026-12-08T00:30:00Z","updatedAt":"2026-12-08T00:56:00Z",
              "status":{"inhibitedBy":[],"silencedBy":[],"state":"active"},
              "labels":{"alertname":"NodeDiskFull","severity":"critical","cluster":"prod"}}]""";
    private static final String SILENCES = """
            [{"id":"7f1c","status":{"state":"active"},"updatedAt":"2026-12-08T00:56:00Z","comment":"known","createdBy":"sre",
              "startsAt":"2026-12-08T00:56:00Z","endsAt":"2026-12-08T02:56:00Z",
              "matchers":[{"name":"function","value":"payment-function","isRegex":false,"isEqual":true}]}]""";

    private HttpServer prometheus;
    private String url;
    private HttpServer alertmanager;
    private String alertmanagerUrl;
    private final List<String> received = new CopyOnWriteArrayList<>();

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
        alertmanager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        alertmanager.createContext("/", exchange -> {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            received.add(request + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String answer = switch (request) {
                case "GET /api/v2/alerts" -> ROUTED;
                case "GET /api/v2/silences" -> SILENCES;
                case "POST /api/v2/silences" -> "{\"silenceID\":\"b00c\"}";
                default -> "";
            };
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.length == 0 && !request.equals("DELETE /api/v2/silence/7f1c") ? 404 : 200,
                    body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        alertmanager.start();
        alertmanagerUrl = "http://127.0.0.1:" + alertmanager.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        prometheus.stop(0);
        alertmanager.stop(0);
    }

    @Test
    void alertmanagerAddsReceiversAndSilencesToPrometheusAlertsAndItsOwnAlertsAreListedToo() throws Exception {
        Cli cli = Cli.run("alerts", "--prometheus", url, "--alertmanager", alertmanagerUrl, "-o", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(cli.out());
        assertThat(rows).hasSize(4);
        JsonNode payments = rows.get(2);
        assertThat(payments.path("function").asText()).isEqualTo("payments/payment-function");
        assertThat(payments.path("source").asText()).isEqualTo(url);
        assertThat(payments.path("value").asDouble()).isEqualTo(0.05);
        assertThat(payments.path("silenced").asBoolean()).isTrue();
        assertThat(payments.path("alertmanager").path("receivers").get(0).asText()).isEqualTo("payments-oncall");
        assertThat(payments.path("alertmanager").path("silencedBy").get(0).asText()).isEqualTo("7f1c");
        JsonNode disk = rows.get(0);
        assertThat(disk.path("name").asText()).isEqualTo("NodeDiskFull");
        assertThat(disk.path("source").asText()).isEqualTo(alertmanagerUrl);
        assertThat(disk.path("value").isNull()).isTrue();
        assertThat(disk.path("silenced").asBoolean()).isFalse();
        assertThat(rows.get(3).has("alertmanager")).as("pending: Prometheus has not sent it").isFalse();

        Cli table = Cli.run("alerts", "--prometheus", url, "--alertmanager", alertmanagerUrl);
        assertThat(table.out().lines().filter(l -> l.startsWith("payments/payment-function")).findFirst().orElseThrow())
                .contains("firing, silenced");
    }

    @Test
    void silenceSendsOneExactSilencePerMatchingAlertToItsAlertmanager() throws Exception {
        Instant before = Instant.now();
        Cli cli = Cli.run("alerts", "silence", "--prometheus", url, "--alertmanager", alertmanagerUrl,
                "--function", "payment-function", "--name", "FunctionErrorRateSloBreached", "--for", "1h",
                "--comment", "rollback under way", "--author", "sre@example.org", "--yes");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("silence b00c", "payments/payment-function", alertmanagerUrl);
        String post = received.stream().filter(r -> r.startsWith("POST /api/v2/silences ")).findFirst().orElseThrow();
        JsonNode silence = new ObjectMapper().readTree(post.substring("POST /api/v2/silences ".length()));
        assertThat(silence.path("matchers")).extracting(m -> m.path("name").asText() + "=" + m.path("value").asText())
                .containsExactly("alertname=FunctionErrorRateSloBreached", "function=payment-function", "namespace=payments",
                        "severity=critical");
        assertThat(silence.path("comment").asText()).isEqualTo("rollback under way");
        assertThat(silence.path("createdBy").asText()).isEqualTo("sre@example.org");
        Instant starts = Instant.parse(silence.path("startsAt").asText());
        assertThat(starts).isBetween(before, Instant.now());
        assertThat(Duration.between(starts, Instant.parse(silence.path("endsAt").asText()))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void silenceWithoutYesOrAMatchingAlertSendsNothing() {
        Cli unconfirmed = Cli.run("alerts", "silence", "--prometheus", url, "--alertmanager", alertmanagerUrl,
                "--function", "payments/payment-function", "--name", "FunctionErrorRateSloBreached", "--for", "1h", "--comment", "x");
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("--yes");
        Cli unknown = Cli.run("alerts", "silence", "--prometheus", url, "--alertmanager", alertmanagerUrl,
                "--function", "order-function", "--name", "FunctionErrorRateSloBreached", "--for", "1h", "--comment", "x", "--yes");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no alert FunctionErrorRateSloBreached is firing or pending on order-function");
        assertThat(received).noneMatch(r -> r.startsWith("POST"));
    }

    @Test
    void unsilenceExpiresTheSilenceInTheAlertmanagerHoldingIt() {
        Cli cli = Cli.run("alerts", "unsilence", "7f1c", "--alertmanager", alertmanagerUrl);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(received).contains("DELETE /api/v2/silence/7f1c ");
        Cli unknown = Cli.run("alerts", "unsilence", "0000", "--alertmanager", alertmanagerUrl);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no Alertmanager holds silence 0000");
    }

    @Test
    void withoutUrlsEachContextsOwnPrometheusIsAskedThroughTheApiServerProxyAndEachRegionsCloudWatch() throws Exception {
        try (Sandbox sandbox = Sandbox.start(0, 0, 0); SandboxAws aws = new SandboxAws(sandbox)) {
            String kubeconfig = sandbox.kubeconfig().toString();
            Cli own = Cli.run("alerts", "--kubeconfig", kubeconfig, "-o", "json");
            // the sandbox's own Prometheus answers through the proxy (its rules are evaluated in-process)
            assertThat(own.exitCode()).as(own.err()).isZero();
            JsonNode alarm = java.util.stream.StreamSupport.stream(new ObjectMapper().readTree(own.out()).spliterator(), false)
                    .filter(a -> a.path("source").asText().startsWith("cloudwatch:")).findFirst().orElseThrow();
            assertThat(alarm.path("function").asText()).isEqualTo("thumbnail-lambda");
            assertThat(alarm.path("source").asText()).isEqualTo("cloudwatch:" + sandbox.region());
            assertThat(alarm.path("name").asText()).isEqualTo("thumbnail-lambda-prod-p95-duration");
            assertThat(alarm.path("state").asText()).isEqualTo("firing");
            String context = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(sandbox.kubeconfig().toFile()).path("current-context").asText();
            Cli given = Cli.run("alerts", "--kubeconfig", kubeconfig, "--prometheus", context + "=" + url,
                    "--alertmanager", context + "=" + alertmanagerUrl, "-o", "json");
            assertThat(given.exitCode()).as(given.err()).isZero();
            assertThat(new ObjectMapper().readTree(given.out())).hasSize(5);
        }
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
