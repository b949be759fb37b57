package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue #18: on the sandbox, which monitors scrape a function and which rules select its series. */
class MonitorsCommandTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(0, 0, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void theSeedsServiceMonitorScrapesOrderFunctionAndItsLatencyAlertSelectsIt() throws Exception {
        Cli cli = Cli.run("monitors", "--function", "order-function", "--kubeconfig", sandbox.kubeconfig().toString(), "-o", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode m = new ObjectMapper().readTree(cli.out());
        assertThat(m.path("function").asText()).isEqualTo("serverless/order-function");
        assertThat(m.path("monitors")).as(cli.out()).anySatisfy(monitor -> {
            assertThat(monitor.path("kind").asText()).isEqualTo("ServiceMonitor");
            assertThat(monitor.path("namespace").asText() + "/" + monitor.path("name").asText()).isEqualTo("istio-system/serverless-functions");
            assertThat(monitor.path("targets").toString()).contains("serverless/order-function");
        });
        assertThat(m.path("rules")).anySatisfy(rule -> {
            assertThat(rule.path("alert").asText()).isEqualTo("HighFunctionLatency");
            assertThat(rule.path("selectors").get(0).asText()).contains("destination_service=~\".*.serverless.svc.cluster.local\"");
        });
    }

    @Test
    void aFunctionInAnotherNamespaceIsNotSelectedByTheServerlessRule() throws Exception {
        Cli cli = Cli.run("monitors", "--function", "payment-function", "--kubeconfig", sandbox.kubeconfig().toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).doesNotContain("HighFunctionLatency");
    }
}
