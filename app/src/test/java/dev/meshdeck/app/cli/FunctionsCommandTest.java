package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionsCommandTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(0, 0, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static Map<String, JsonNode> rowsByName(String json) throws Exception {
        Map<String, JsonNode> rows = new HashMap<>();
        new ObjectMapper().readTree(json).forEach(r -> rows.put(r.get("name").asText(), r));
        return rows;
    }

    @Test
    void jsonInventoryListsEveryPlatformFieldByField() throws Exception {
        Cli cli;
        try (SandboxAws aws = new SandboxAws(sandbox)) {
            cli = Cli.run("functions", "--kubeconfig", sandbox.kubeconfig().toString(), "-o", "json");
        }
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Map<String, JsonNode> rows = rowsByName(cli.out());

        assertThat(rows.values()).extracting(r -> r.get("platform").asText())
                .contains("knative", "openfaas", "kubeless", "kubernetes", "lambda");

        JsonNode order = rows.get("order-function");
        assertThat(order.get("platform").asText()).isEqualTo("kubernetes");
        assertThat(order.get("context").asText()).isEqualTo("meshdeck-sandbox");
        assertThat(order.get("namespace").asText()).isEqualTo("serverless");
        assertThat(order.at("/traffic/0/version").asText()).isEqualTo("order-function-v1");
        assertThat(order.at("/traffic/0/percent").asDouble()).isEqualTo(90.0);
        assertThat(order.at("/traffic/1/percent").asDouble()).isEqualTo(10.0);
        assertThat(order.at("/mesh/sidecarInjected").asBoolean()).isTrue();
        assertThat(order.at("/mesh/virtualServices/0").asText()).isEqualTo("serverless/order-function");
        assertThat(order.at("/mesh/destinationRules/0").asText()).isEqualTo("serverless/order-function");

        JsonNode resize = rows.get("image-resize");
        assertThat(resize.get("platform").asText()).isEqualTo("knative");
        assertThat(resize.at("/traffic/0/version").asText()).isEqualTo("image-resize-00001");
        assertThat(resize.at("/traffic/0/percent").asDouble()).isEqualTo(90.0);
        assertThat(resize.at("/traffic/1/percent").asDouble()).isEqualTo(10.0);

        JsonNode recommendation = rows.get("recommendation");
        assertThat(recommendation.get("platform").asText()).isEqualTo("openfaas");
        assertThat(recommendation.at("/health/ready").asInt()).isEqualTo(1);
        assertThat(recommendation.at("/health/desired").asInt()).isEqualTo(2);
        assertThat(recommendation.at("/health/level").asText()).isEqualTo("degraded");

        JsonNode payment = rows.get("payment-function");
        assertThat(payment.at("/mesh/authorizationPolicies/0").asText()).isEqualTo("payments/payment-function-authz");
        assertThat(payment.at("/mesh/requestAuthentications/0").asText()).isEqualTo("payments/payments-jwt");

        JsonNode invoice = rows.get("invoice-pdf");
        assertThat(invoice.get("platform").asText()).isEqualTo("lambda");
        assertThat(invoice.get("account").asText()).isEqualTo("123456789012");
        assertThat(invoice.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(invoice.at("/traffic/0/version").asText()).isEqualTo("3");
        assertThat(invoice.at("/traffic/0/percent").asDouble()).isEqualTo(90.0);
        assertThat(invoice.at("/traffic/1/version").asText()).isEqualTo("4");
        assertThat(invoice.at("/traffic/1/tag").asText()).isEqualTo("live");
        assertThat(invoice.at("/health/state").asText()).isEqualTo("Active");
    }

    @Test
    void unreachableContextIsNamedOnStderrWhileTheOthersAreListed(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.kubeconfig");
        Files.writeString(broken, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: gone
                  cluster: {server: "https://127.0.0.1:1"}
                users:
                - name: u
                  user: {token: not-a-real-token}
                contexts:
                - name: prod-gone
                  context: {cluster: gone, user: u}
                current-context: prod-gone
                """);
        Cli cli = Cli.run("functions", "--kubeconfig",
                sandbox.kubeconfig() + java.io.File.pathSeparator + broken, "-o", "json");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("prod-gone").contains("127.0.0.1:1").doesNotContain("not-a-real-token");
        assertThat(rowsByName(cli.out())).containsKey("order-function");
    }

    @Test
    void malformedKubeconfigIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.kubeconfig");
        Files.writeString(bad, "apiVersion: v1\nclusters:\n  - name: x\n   cluster: [\n");
        Cli cli = Cli.run("functions", "--kubeconfig", bad.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains(bad.toString()).contains("line");
    }

    @Test
    void tableIsTheDefaultOutput() {
        Cli cli = Cli.run("functions", "--kubeconfig", sandbox.kubeconfig().toString());
        assertThat(cli.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("PLATFORM"));
        assertThat(cli.out()).contains("order-function-v1 90% · order-function-v2 10%");
    }

    @Test
    void unknownOutputFormatIsAUsageError() {
        Cli cli = Cli.run("functions", "--kubeconfig", sandbox.kubeconfig().toString(), "-o", "xml");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("unknown output format 'xml'");
    }
}
