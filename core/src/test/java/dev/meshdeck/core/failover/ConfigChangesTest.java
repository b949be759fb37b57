package dev.meshdeck.core.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.yaml.YamlReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Env and ConfigMap edits as change sets, without a cluster. */
class ConfigChangesTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: payment-function, namespace: payments, resourceVersion: "7"}
            spec:
              template:
                spec:
                  containers:
                  - name: payment
                    image: payment:1
                    envFrom:
                    - configMapRef: {name: payment-settings}
                    env:
                    - {name: LOG_LEVEL, value: info}
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef: {name: payment-db, key: password}
            """;
    private static final String KNATIVE = """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata: {name: search, namespace: payments}
            spec:
              template:
                spec:
                  containers:
                  - {image: search:1}
            """;
    private static final String SETTINGS = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: payment-settings, namespace: payments, resourceVersion: "3"}
            data: {CURRENCY: EUR, REGION: eu}
            """;
    private static final String OTHER = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ledger, namespace: payments}
            spec:
              template:
                spec:
                  containers: [{name: ledger, image: ledger:1}]
            """;

    private static ObjectNode object(String yaml) throws Exception {
        return (ObjectNode) new YamlReader().read("test.yaml", yaml).get(0).tree();
    }

    private static LiveFunction function(String... yaml) throws Exception {
        ServerlessFunction fn = new ServerlessFunction(new FunctionId(new SourceRef.KubeContext("test", "c", "s"),
                Platform.KUBERNETES, "payments", "payment-function"), List.of(), MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of());
        List<ObjectNode> objects = new java.util.ArrayList<>();
        for (String y : yaml) {
            objects.add(object(y));
        }
        return new LiveFunction(fn, objects);
    }

    @Test
    void setReplacesALiteralAddsANewOneAndUnsetRemoves() throws Exception {
        FunctionChange change = ConfigChanges.setEnv(function(DEPLOYMENT), null, null,
                Map.of("LOG_LEVEL", "debug", "FEATURE_X", "on"), List.of(), "");
        ObjectNode after = change.changes().changes().get(0).after();

        assertThat(after.at("/spec/template/spec/containers/0/env/0/value").asText()).isEqualTo("debug");
        assertThat(after.at("/spec/template/spec/containers/0/env/2/name").asText()).isEqualTo("FEATURE_X");
        assertThat(after.at("/metadata/resourceVersion").asText()).as("written against what was read").isEqualTo("7");
        assertThat(change.title()).startsWith("Set env of Deployment payments/payment-function container payment (")
                .doesNotContain("debug");

        ObjectNode unset = ConfigChanges.setEnv(function(DEPLOYMENT), null, null, Map.of(), List.of("LOG_LEVEL"), "")
                .changes().changes().get(0).after();
        assertThat(unset.at("/spec/template/spec/containers/0/env/0/name").asText()).isEqualTo("DB_PASSWORD");
    }

    @Test
    void aVariableReadFromASecretIsNotOverwrittenByALiteral() throws Exception {
        assertThatThrownBy(() -> ConfigChanges.setEnv(function(DEPLOYMENT), null, null, Map.of("DB_PASSWORD", "x"), List.of(), ""))
                .hasMessageContaining("looks like a credential");
        assertThatThrownBy(() -> ConfigChanges.setEnv(function(DEPLOYMENT), null, null, Map.of("LOG_LEVEL", "x"),
                List.of("NOPE"), "")).hasMessageContaining("has no env variable NOPE to unset (it has LOG_LEVEL, DB_PASSWORD");
    }

    @Test
    void aVariableFromAConfigMapKeyNeedsUnsetToBecomeALiteral() throws Exception {
        String fromKey = DEPLOYMENT.replace("- {name: LOG_LEVEL, value: info}",
                "- name: LOG_LEVEL\n          valueFrom: {configMapKeyRef: {name: payment-settings, key: LOG}}");
        assertThatThrownBy(() -> ConfigChanges.setEnv(function(fromKey), null, null, Map.of("LOG_LEVEL", "x"), List.of(), ""))
                .hasMessageContaining("LOG_LEVEL of Deployment payments/payment-function container payment is read from "
                        + "configMapKeyRef payment-settings/LOG: to replace that with a literal, --unset LOG_LEVEL as well");

        ObjectNode after = ConfigChanges.setEnv(function(fromKey), null, null, Map.of("LOG_LEVEL", "x"), List.of("LOG_LEVEL"), "")
                .changes().changes().get(0).after();
        assertThat(after.at("/spec/template/spec/containers/0/env/1").toString()).isEqualTo("{\"name\":\"LOG_LEVEL\",\"value\":\"x\"}");
    }

    @Test
    void aKnativeServiceIsEditedOnItsRevisionTemplate() throws Exception {
        ObjectNode after = ConfigChanges.setEnv(function(KNATIVE), null, null, Map.of("MODE", "fast"), List.of(), "")
                .changes().changes().get(0).after();

        assertThat(after.at("/spec/template/spec/containers/0/env/0/value").asText()).isEqualTo("fast");
    }

    @Test
    void anUnknownContainerIsNamedWithTheOnesThereAre() throws Exception {
        assertThatThrownBy(() -> ConfigChanges.setEnv(function(DEPLOYMENT), null, "app", Map.of("A", "b"), List.of(), ""))
                .hasMessage("Deployment payments/payment-function has no container app; it has payment");
    }

    @Test
    void aConfigMapChangeRestartsTheDeploymentsThatReadItInTheSameChangeSet() throws Exception {
        ObjectNode settings = object(SETTINGS);
        List<ObjectNode> readers = ConfigChanges.readers(settings, List.of(object(DEPLOYMENT), object(OTHER), settings));
        assertThat(readers).extracting(d -> d.at("/metadata/name").asText()).containsExactly("payment-function");

        FunctionChange change = ConfigChanges.setData(settings, Map.of("CURRENCY", "USD"), List.of("REGION"), readers,
                Instant.parse("2026-12-08T01:00:00Z"), "");

        List<ResourceChange> changes = change.changes().changes();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).after().at("/data").toString()).isEqualTo("{\"CURRENCY\":\"USD\"}");
        assertThat(changes.get(1).after().at("/spec/template/metadata/annotations/kubectl.kubernetes.io~1restartedAt").asText())
                .isEqualTo("2026-12-08T01:00:00Z");
        assertThat(change.title()).isEqualTo("Set data of ConfigMap payments/payment-settings (CURRENCY; unset REGION) and "
                + "restart Deployment payments/payment-function");
        assertThatThrownBy(() -> ConfigChanges.setData(settings, Map.of("API_TOKEN", "t"), List.of(), List.of(), Instant.now(), ""))
                .hasMessageContaining("looks like a credential");
    }
}
