package dev.meshdeck.views.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.ValidationInput;
import dev.meshdeck.core.workloads.ConfigKey;
import dev.meshdeck.core.workloads.ConfigKind;
import dev.meshdeck.core.workloads.ConfigSource;
import dev.meshdeck.core.workloads.EnvValue;
import dev.meshdeck.core.workloads.FunctionConfig;
import dev.meshdeck.core.workloads.RevealedValue;
import dev.meshdeck.core.workloads.WorkloadConfigs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Config tab without a stage: its rows, its findings, and how a masked value is shown one at a time. */
class ConfigModelTest {

    private static final SourceRef CLUSTER = new SourceRef.KubeContext("sandbox", "c", "https://127.0.0.1:6443");
    private static final SourceRef REGION = new SourceRef.AwsRegion("123456789012", "eu-west-1", null);
    private static final ServerlessFunction PAYMENT = function(CLUSTER, Platform.KUBERNETES, "payment-function");
    private static final ServerlessFunction ORDER = function(CLUSTER, Platform.KUBERNETES, "order-function");
    private static final ServerlessFunction INVOICE = function(REGION, Platform.LAMBDA, "invoice-pdf");

    /** payment-function's Deployment, its settings ConfigMap and its database Secret (key names only, as read). */
    private static final String ESTATE = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: payment-function, namespace: payments}
            spec:
              template:
                spec:
                  containers:
                  - name: payment
                    image: payment:1
                    envFrom:
                    - configMapRef: {name: payment-settings}
                    env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef: {name: payment-db, key: password}
                    - name: CACHE_URL
                      valueFrom:
                        configMapKeyRef: {name: payment-cache, key: url}
                    - name: POD_NAMESPACE
                      valueFrom:
                        fieldRef: {fieldPath: metadata.namespace}
                    - {name: HTTP_PORT, value: "8080"}
                    resources:
                      requests: {cpu: 100m}
                      limits: {memory: 256Mi}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: payment-settings, namespace: payments}
            data: {CURRENCY: EUR, API_TOKEN: abc}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: payment-db, namespace: payments}
            data: {password: ""}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: payments, labels: {istio-injection: enabled}}
            """;

    private static ServerlessFunction function(SourceRef source, Platform platform, String name) {
        return new ServerlessFunction(new FunctionId(source, platform, "payments", name), List.of(), MeshStatus.NOT_IN_MESH,
                Health.UNKNOWN, Map.of());
    }

    /** Answers from the estate above; remembers which values were read. */
    private static final class Cluster implements ConfigSource {
        final List<ConfigKey> revealed = new ArrayList<>();

        @Override
        public boolean covers(FunctionId function) {
            return function.source().equals(CLUSTER);
        }

        @Override
        public FunctionConfig configOf(FunctionId function) {
            return function.name().equals("payment-function")
                    ? WorkloadConfigs.read(new ValidationInput().addText("estate.yaml", ESTATE).resources())
                    : new FunctionConfig(List.of(), List.of());
        }

        @Override
        public Optional<RevealedValue> reveal(FunctionId function, ConfigKey key) {
            revealed.add(key);
            return Optional.of(new RevealedValue(key.key().equals("password") ? "s3cr3t" : "tok-123"));
        }
    }

    private final Cluster cluster = new Cluster();
    /** Background work queued here, run when the test says: lets answers arrive late. */
    private final Deque<Runnable> background = new ArrayDeque<>();
    private final ConfigModel model = new ConfigModel(cluster, background::add, Runnable::run);

    private void answer() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    private ConfigRow row(String name) {
        return model.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachVariableSaysWhereItsValueComesFromAndSecretsAreMasked() {
        model.show(PAYMENT);
        answer();

        assertThat(model.rows()).extracting(r -> r.section() + " " + r.name() + "=" + model.valueShown(r) + " <- " + r.origin())
                .containsExactly(
                        "env DB_PASSWORD=" + EnvValue.MASK + " <- Secret payment-db/password",
                        "env CACHE_URL=<missing> <- ConfigMap payment-cache/url",
                        "env POD_NAMESPACE=- <- field metadata.namespace",
                        "env HTTP_PORT=8080 <- value",
                        "envFrom API_TOKEN=" + EnvValue.MASK + " <- envFrom ConfigMap payment-settings",
                        "envFrom CURRENCY=EUR <- envFrom ConfigMap payment-settings",
                        "request cpu=100m <- resources.requests",
                        "limit memory=256Mi <- resources.limits",
                        "sidecar istio-proxy=injected <- namespace istio-injection=enabled (namespace: istio-injection=enabled)");
        assertThat(row("CACHE_URL").missing()).isTrue();
        assertThat(model.findings()).extracting(Finding::code).first().isEqualTo("MD0701");
        assertThat(model.findings()).extracting(Finding::code).contains("MD0705");
        assertThat(model.summaryProperty().get()).isEqualTo("payment-function: 1 workload, 6 env variables, 1 error, 1 warning");
        assertThat(cluster.revealed).as("nothing masked is read until asked").isEmpty();
    }

    @Test
    void aMaskedValueIsReadOnAskingAndShownInItsOwnRowOnly() {
        model.show(PAYMENT);
        answer();
        ConfigRow password = row("DB_PASSWORD");

        model.reveal(password);
        assertThat(model.valueShown(password)).as("until the read answers").isEqualTo(EnvValue.MASK);
        answer();

        assertThat(cluster.revealed).containsExactly(new ConfigKey(ConfigKind.SECRET, "payments", "payment-db", "password"));
        assertThat(model.valueShown(password)).isEqualTo("s3cr3t");
        assertThat(model.valueShown(row("API_TOKEN"))).isEqualTo(EnvValue.MASK);
        assertThat(model.revealedProperty().get().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void revealingAnotherValueMasksTheFirst() {
        model.show(PAYMENT);
        answer();
        model.reveal(row("DB_PASSWORD"));
        answer();

        model.reveal(row("API_TOKEN"));
        answer();

        assertThat(model.valueShown(row("DB_PASSWORD"))).isEqualTo(EnvValue.MASK);
        assertThat(model.valueShown(row("API_TOKEN"))).isEqualTo("tok-123");
    }

    @Test
    void anotherSelectionMasksTheValueAgainAndDropsAReadStillUnderway() {
        model.show(PAYMENT);
        answer();
        model.reveal(row("DB_PASSWORD"));
        answer();

        model.show(PAYMENT);
        assertThat(model.revealedProperty().get()).as("selected again").isNull();

        model.reveal(row("DB_PASSWORD"));
        model.show(ORDER);
        answer();
        assertThat(model.revealedProperty().get()).isNull();
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void aValueShownAsItIsCannotBeRevealed() {
        model.show(PAYMENT);
        answer();

        model.reveal(row("CURRENCY"));
        answer();

        assertThat(cluster.revealed).isEmpty();
        assertThat(model.revealedProperty().get()).isNull();
    }

    @Test
    void aLambdaFunctionIsNotReadAndTheLineSaysWhy() {
        model.show(INVOICE);

        assertThat(background).isEmpty();
        assertThat(model.summaryProperty().get()).startsWith("invoice-pdf runs on AWS Lambda");
    }

    /** Records the edits the tab asks for. */
    private final List<String> edits = new ArrayList<>();

    private final ConfigModel.Editor editor = new ConfigModel.Editor() {
        @Override
        public void env(ServerlessFunction function, ConfigEdit.Env variable, Optional<String> value) {
            edits.add(function.name() + " " + variable + " " + value.map(v -> "= " + v).orElse("removed"));
        }

        @Override
        public void data(ServerlessFunction function, ConfigKey key, String value, boolean restart) {
            edits.add(function.name() + " " + key + " = " + value + (restart ? " and restart" : ""));
        }
    };

    @Test
    void aLiteralIsEditedRemovedOrJoinedByAnotherInItsOwnContainerAndAConfigMapKeyInItsConfigMap() {
        model.setEditor(editor);
        model.show(PAYMENT);
        answer();

        model.set(row("HTTP_PORT"), "9090", false);
        model.remove(row("HTTP_PORT"));
        model.add(row("HTTP_PORT"), "FEATURE_X", "on");
        model.set(row("CURRENCY"), "USD", true);

        assertThat(edits).containsExactly(
                "payment-function Env[workload=payment-function, container=payment, name=HTTP_PORT] = 9090",
                "payment-function Env[workload=payment-function, container=payment, name=HTTP_PORT] removed",
                "payment-function Env[workload=payment-function, container=payment, name=FEATURE_X] = on",
                "payment-function ConfigKey[kind=CONFIG_MAP, namespace=payments, name=payment-settings, key=CURRENCY] = USD and restart");
    }

    @Test
    void secretsPodFieldsAndResourcesAreNotEditedHere() {
        model.show(PAYMENT);
        answer();

        assertThat(model.editable()).as("no editor: the tab only shows").isFalse();
        assertThat(row("DB_PASSWORD").edit()).isEmpty();
        assertThat(row("POD_NAMESPACE").edit()).isEmpty();
        assertThat(row("cpu").edit()).isEmpty();
    }
}
