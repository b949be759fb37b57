package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.sandbox.Sandbox;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every writing command is checked against the live estate first: what a new user tried on the sandbox (issue 13). */
class WriteGateCommandTest {

    private static final String ALL_TO_V9 = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: order-function
              namespace: serverless
            spec:
              hosts: [order-function]
              http:
                - name: canary
                  route:
                    - destination: {host: order-function, subset: v9}
                      weight: 100
            """;

    @TempDir
    Path dir;
    Sandbox sandbox;
    KubernetesClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(0, 0, 0);
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig()))).build();
        System.setProperty(DataDirectory.PROPERTY, dir.resolve("data").toString());
    }

    @AfterEach
    void stop() {
        System.clearProperty(DataDirectory.PROPERTY);
        client.close();
        sandbox.close();
    }

    private Cli run(String... args) {
        return Cli.run(Stream.concat(Stream.of(args), Stream.of("--kubeconfig", sandbox.kubeconfig().toString()))
                .toArray(String[]::new));
    }

    /** The live object as the server holds it, resourceVersion included: equal means not written. */
    private String live(String namespace, String name) throws Exception {
        return Serialization.jsonMapper().writeValueAsString(client.genericKubernetesResources("networking.istio.io/v1",
                "VirtualService").inNamespace(namespace).withName(name).get());
    }

    @Test
    void aRouteToAnUndefinedSubsetIsRefusedByApplyDryRunAndDiffAndNothingIsWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("it.yaml"), ALL_TO_V9);
        String before = live("serverless", "order-function");
        // the gate prints its findings as `validate --context` does: file:line:col first
        String asValidatePrintsIt = run("validate", "-f", file.toString(), "--context", "meshdeck-sandbox").out().strip();
        assertThat(asValidatePrintsIt).startsWith(file + ":11:").contains(": error MD0302 [IST0101] VirtualService serverless/order-function:");

        for (String[] command : new String[][] {{"apply", "-f", file.toString(), "--dry-run"},
                {"apply", "-f", file.toString(), "--yes"}, {"diff", "-f", file.toString()}}) {
            Cli cli = run(command);

            assertThat(cli.exitCode()).as(String.join(" ", command) + "\n" + cli.err()).isEqualTo(1);
            assertThat(cli.err()).as(String.join(" ", command)).contains(asValidatePrintsIt).doesNotContain("accepts");
            assertThat(live("serverless", "order-function")).as(String.join(" ", command)).isEqualTo(before);
        }
        assertThat(Cli.run("history", "-o", "json").out().strip()).isEqualTo("[ ]");
    }

    @Test
    void aForcedApplyNeedsAReasonAndIsRecordedAsForcedWithItsTarget() throws Exception {
        Path file = Files.writeString(dir.resolve("it.yaml"), ALL_TO_V9);

        Cli noReason = run("apply", "-f", file.toString(), "--yes", "--force");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.err()).contains("--force needs --reason");

        Cli forced = run("apply", "-f", file.toString(), "--yes", "--force", "--reason", "INC-9: v9 lands next");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.err()).contains("error MD0302", "--force: the errors above are overridden (INC-9: v9 lands next)");

        JsonNode entry = new ObjectMapper().readTree(Cli.run("history", "-o", "json").out()).get(0);
        assertThat(entry.get("forced").asBoolean()).isTrue();
        assertThat(entry.get("reason").asText()).isEqualTo("INC-9: v9 lands next");
        assertThat(entry.get("target").toString()).isEqualTo("{\"context\":\"meshdeck-sandbox\"}");
        assertThat(entry.get("overridden").get(0).get("code").asText()).isEqualTo("MD0302");
    }

    @Test
    void aFailoverToAHostWithNoServiceIsRefusedAndWritesNothing() throws Exception {
        String before = live("payments", "payment-function");

        Cli failover = run("failover", "--function", "payment-function", "--to",
                "host:no-such-function.payments.svc.cluster.local", "--yes");

        assertThat(failover.exitCode()).as(failover.err()).isEqualTo(1);
        assertThat(failover.err()).contains("MD0300", "no-such-function.payments.svc.cluster.local");
        assertThat(live("payments", "payment-function")).isEqualTo(before);
    }
}
