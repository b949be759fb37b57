package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `meshdeck gateways` and the Gateways `export` adds: where outside traffic reaches the sandbox's functions. */
class GatewaysCommandTest {

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
    void theIngressGatewayIsListedWithItsServersAndTheVirtualServiceBoundToIt() throws Exception {
        Cli cli = Cli.run("gateways", "--kubeconfig", sandbox.kubeconfig().toString(), "-o", "json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode gateway = new ObjectMapper().readTree(cli.out()).get(0);
        assertThat(gateway.get("namespace").asText() + "/" + gateway.get("name").asText()).isEqualTo("istio-system/public-gateway");
        assertThat(gateway.at("/selector/istio").asText()).isEqualTo("ingressgateway");
        // the ingress pods its selector selects, named as telemetry names them
        assertThat(gateway.get("workloads")).extracting(JsonNode::asText).containsExactly("istio-system/istio-ingressgateway");
        assertThat(gateway.get("servers")).extracting(s -> s.get("port").asInt()).containsExactly(80, 443);
        assertThat(gateway.at("/servers/1/tls/mode").asText()).isEqualTo("SIMPLE");
        assertThat(gateway.at("/servers/1/tls/credentialName").asText()).isEqualTo("public-cert");
        assertThat(gateway.get("virtualServices")).extracting(JsonNode::asText).containsExactly("frontend/web-bff-public");

        Cli table = Cli.run("gateways", "--kubeconfig", sandbox.kubeconfig().toString());
        assertThat(table.out()).contains("istio-system/public-gateway", "443", "SIMPLE", "public-cert", "frontend/web-bff-public");
    }

    @Test
    void exportingAFunctionWritesTheGatewayItsPublicRouteIsBoundTo() {
        Cli cli = Cli.run("export", "--kubeconfig", sandbox.kubeconfig().toString(), "-n", "frontend", "--function", "web-bff");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("name: web-bff-public", "kind: Gateway", "name: public-gateway", "credentialName: public-cert");
    }
}
