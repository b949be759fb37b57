package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `config set` and `config set-data` on the sandbox: gated, recorded change sets, as an SRE types them. */
class ConfigSetCommandTest {

    private static final String PAYMENT_ENV = "/spec/template/spec/containers/0/env";
    private static final String RESTARTED_AT = "/spec/template/metadata/annotations/kubectl.kubernetes.io~1restartedAt";

    @TempDir
    Path dir;
    SandboxCommands cluster;

    @BeforeEach
    void start() {
        cluster = new SandboxCommands(dir);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private Cli run(String... args) {
        return cluster.run(args);
    }

    private String env(String name) {
        for (JsonNode e : cluster.get("apps/v1", "Deployment", "payments", "payment-function").at(PAYMENT_ENV)) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        return null;
    }

    @Test
    void setChangesALiteralAddsOneUnsetsAnotherAndIsRecorded() {
        Cli set = run("config", "set", "--function", "payment-function", "HTTP_PORT=9090", "FEATURE_X=on",
                "--unset", "POD_NAMESPACE", "--yes");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("-          value: \"8080\"", "+          value: \"9090\"");
        assertThat(env("HTTP_PORT")).isEqualTo("9090");
        assertThat(env("FEATURE_X")).isEqualTo("on");
        assertThat(env("POD_NAMESPACE")).isNull();
        assertThat(Cli.run("history").out()).contains("set env of Deployment payments/payment-function container function "
                + "(HTTP_PORT, FEATURE_X; unset POD_NAMESPACE)");
    }

    @Test
    void aCredentialOrAVariableReadFromASecretIsRefusedAndNothingIsWritten() {
        String before = cluster.get("apps/v1", "Deployment", "payments", "payment-function").toString();

        Cli password = run("config", "set", "--function", "payment-function", "DB_PASSWORD=hunter2", "--yes");
        Cli user = run("config", "set", "--function", "payment-function", "DB_USER=root", "--yes");

        assertThat(password.exitCode()).isEqualTo(1);
        assertThat(password.err()).contains("DB_PASSWORD looks like a credential").doesNotContain("hunter2");
        assertThat(user.exitCode()).isEqualTo(1);
        assertThat(user.err()).contains("DB_USER of Deployment payments/payment-function container function is read from "
                + "secretKeyRef payment-db/username");
        assertThat(cluster.get("apps/v1", "Deployment", "payments", "payment-function").toString()).isEqualTo(before);
    }

    @Test
    void setDataWithRestartRollsTheDeploymentsThatReadTheConfigMapInOneChangeSet() {
        Cli set = run("config", "set-data", "--configmap", "payment-settings", "-n", "payments", "LOG_LEVEL=debug",
                "--restart", "--yes");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(cluster.get("v1", "ConfigMap", "payments", "payment-settings").at("/data/LOG_LEVEL").asText()).isEqualTo("debug");
        assertThat(cluster.get("apps/v1", "Deployment", "payments", "payment-function").at(RESTARTED_AT).asText()).isNotEmpty();
        assertThat(cluster.get("apps/v1", "Deployment", "payments", "payment-function-backup").at(RESTARTED_AT).isMissingNode())
                .as("it does not read the ConfigMap").isTrue();
        assertThat(Cli.run("history").out()).contains("set data of ConfigMap payments/payment-settings (LOG_LEVEL) and restart "
                + "Deployment payments/payment-function");
    }

    @Test
    void setDataWithoutRestartNamesTheDeploymentsThatStillRunTheOldValues() {
        Cli set = run("config", "set-data", "--configmap", "payment-settings", "-n", "payments", "LOG_LEVEL=debug", "--yes");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.err()).contains("Deployment payments/payment-function read this ConfigMap", "add --restart");
        assertThat(cluster.get("apps/v1", "Deployment", "payments", "payment-function").at(RESTARTED_AT).isMissingNode()).isTrue();
    }

    @Test
    void removingAKeyTheDeploymentReadsIsRefusedByTheGate() {
        String fromKey = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: ledger, namespace: payments}
                spec:
                  selector: {matchLabels: {app: ledger}}
                  template:
                    metadata: {labels: {app: ledger}}
                    spec:
                      containers:
                      - name: ledger
                        image: ledger:1
                        env:
                        - name: CURRENCY
                          valueFrom: {configMapKeyRef: {name: payment-settings, key: CURRENCY}}
                """;
        cluster.client.resource(Serialization.unmarshal(fromKey, io.fabric8.kubernetes.api.model.apps.Deployment.class)).create();

        Cli unset = run("config", "set-data", "--configmap", "payment-settings", "-n", "payments", "--unset", "CURRENCY", "--yes");

        assertThat(unset.exitCode()).isEqualTo(1);
        assertThat(unset.err() + unset.out()).contains("MD0702");
        assertThat(cluster.get("v1", "ConfigMap", "payments", "payment-settings").at("/data/CURRENCY").asText()).isEqualTo("EUR");
    }

    @Test
    void aCredentialLookingKeyOfTheConfigMapIsNeitherPrintedNorRecordedNorWrittenBackMasked() throws Exception {
        String planted = "planted-cm-token-4711";
        cluster.client.resource(new ConfigMapBuilder().withNewMetadata()
                .withName("payment-flags").withNamespace("payments").endMetadata()
                .addToData("API_TOKEN", planted).addToData("FRAUD_LIMIT", "100").build()).create();

        Cli set = run("config", "set-data", "--configmap", "payment-flags", "-n", "payments", "FRAUD_LIMIT=200", "--yes");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("API_TOKEN: '****'", "+  FRAUD_LIMIT: \"200\"");
        JsonNode history = Serialization.jsonMapper().readTree(Cli.run("history", "-o", "json").out());
        String id = history.get(0).path("id").asText();
        Cli shown = Cli.run("history", id);
        Cli rollback = run("rollback", id, "--yes");
        assertThat(rollback.exitCode()).isEqualTo(1);
        assertThat(rollback.err() + rollback.out()).contains("cannot be written back");
        assertThat(cluster.get("v1", "ConfigMap", "payments", "payment-flags").at("/data/API_TOKEN").asText()).isEqualTo(planted);
        for (Cli cli : List.of(set, shown, rollback)) {
            assertThat(cli.out() + cli.err()).doesNotContain(planted);
        }
        assertThat(history.toString()).doesNotContain(planted);
        try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(planted);
            }
        }
    }
}
