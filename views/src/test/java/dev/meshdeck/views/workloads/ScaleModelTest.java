package dev.meshdeck.views.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.validation.ValidationInput;
import dev.meshdeck.core.workloads.ConfigKey;
import dev.meshdeck.core.workloads.ConfigSource;
import dev.meshdeck.core.workloads.FunctionConfig;
import dev.meshdeck.core.workloads.LambdaConfig;
import dev.meshdeck.core.workloads.RevealedValue;
import dev.meshdeck.core.workloads.WorkloadConfigs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Scale tab without a stage: filled from the workload, problems while typing, what each Apply sends. */
class ScaleModelTest {

    private static final SourceRef CLUSTER = new SourceRef.KubeContext("sandbox", "c", "https://127.0.0.1:6443");
    private static final ServerlessFunction PAYMENT = function(Platform.KUBERNETES, "payment-function");
    private static final ServerlessFunction SEARCH = function(Platform.KNATIVE, "search");

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
                    resources:
                      requests: {cpu: 100m, memory: 128Mi}
                      limits: {memory: 256Mi}
            ---
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata: {name: search, namespace: payments}
            spec:
              template:
                metadata:
                  annotations: {autoscaling.knative.dev/min-scale: "1", autoscaling.knative.dev/target: "50"}
                spec:
                  containers: [{image: search:1}]
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: payments-hpa, namespace: payments}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: payment-function}
              minReplicas: 2
              maxReplicas: 10
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
              - type: Resource
                resource: {name: memory, target: {type: AverageValue, averageValue: 200Mi}}
            """;

    private static ServerlessFunction function(Platform platform, String name) {
        return new ServerlessFunction(new FunctionId(CLUSTER, platform, "payments", name), List.of(), MeshStatus.NOT_IN_MESH,
                Health.UNKNOWN, Map.of());
    }

    private static final class Cluster implements ConfigSource {
        @Override
        public boolean covers(FunctionId function) {
            return true;
        }

        @Override
        public FunctionConfig configOf(FunctionId function) {
            FunctionConfig all = WorkloadConfigs.read(new ValidationInput().addText("estate.yaml", ESTATE).resources());
            return new FunctionConfig(all.workloads().stream().filter(w -> w.name().equals(function.name())).toList(), List.of());
        }

        @Override
        public Optional<RevealedValue> reveal(FunctionId function, ConfigKey key) {
            throw new AssertionError("the Scale tab reads no value");
        }
    }

    private final List<String> sent = new ArrayList<>();
    private final ScaleModel model = new ScaleModel(new Cluster(), Runnable::run, Runnable::run);

    {
        model.setEditor(new ScaleModel.Editor() {
            @Override
            public void resources(ServerlessFunction function, String workload, String container, Map<String, String> requests,
                                  Map<String, String> limits) {
                sent.add(workload + "/" + container + " requests " + requests + " limits " + limits);
            }

            @Override
            public void autoscaler(ServerlessFunction function, String workload, String autoscaler, Integer min, int max,
                                   Integer cpuPercent) {
                sent.add(workload + " hpa " + autoscaler + " " + min + ".." + max + " at " + cpuPercent);
            }

            @Override
            public void knative(ServerlessFunction function, Integer min, Integer max, Integer target) {
                sent.add(function.name() + " knative " + min + ".." + max + " target " + target);
            }

            @Override
            public void provisioned(ServerlessFunction function, String qualifier, int count) {
                sent.add(function.name() + ":" + qualifier + " provisioned " + count);
            }
        });
    }

    @Test
    void theContainersRequestsAndLimitsAreShownAndOnlyWhatChangedIsSent() {
        model.show(PAYMENT);

        assertThat(model.request("cpu").get()).isEqualTo("100m");
        assertThat(model.limit("memory").get()).isEqualTo("256Mi");
        assertThat(model.knative()).isFalse();

        model.limit("cpu").set("1");
        model.request("memory").set("");
        model.applyResources();

        assertThat(sent).containsExactly("payment-function/payment requests {memory=} limits {cpu=1}");
    }

    @Test
    void aRequestAboveItsLimitAndInvertedBoundsAreProblemsWhileTyping() {
        model.show(PAYMENT);

        model.request("memory").set("0.5Gi");
        model.limit("cpu").set("lots");
        model.hpaMinProperty().set(6);
        model.hpaMaxProperty().set(3);

        assertThat(model.problems()).containsExactly(
                "limit cpu \"lots\" is not a quantity (250m, 0.5, 256Mi, 1Gi)",
                "request memory 0.5Gi is above its limit 256Mi",
                "autoscaler min 6 is above max 3");

        model.request("memory").set("256Mi");
        model.limit("cpu").set("");
        model.hpaMaxProperty().set(8);
        assertThat(model.problems()).isEmpty();
        model.cpuPercentProperty().set(70);
        model.applyAutoscaler();
        assertThat(sent).containsExactly("payment-function hpa payments-hpa 6..8 at 70");
    }

    @Test
    void theExistingAutoscalerIsShownAndEditedInPlace() {
        model.show(PAYMENT);

        assertThat(model.autoscalerShownProperty().get())
                .isEqualTo("HPA payments-hpa: 2 to 10 replicas on cpu 70%, memory 200Mi (average); Apply changes it in place");
        assertThat(model.hpaMinProperty().get()).isEqualTo(2);
        assertThat(model.hpaMaxProperty().get()).isEqualTo(10);
        assertThat(model.cpuPercentProperty().get()).isEqualTo(70);

        model.hpaMaxProperty().set(12);
        model.applyAutoscaler();
        assertThat(sent).containsExactly("payment-function hpa payments-hpa 2..12 at 70");
    }

    @Test
    void aKnativeServiceShowsItsBoundsAndTarget() {
        model.show(SEARCH);

        assertThat(model.knative()).isTrue();
        assertThat(model.minScaleProperty().get()).isEqualTo(1);
        assertThat(model.targetProperty().get()).isEqualTo(50);
        model.maxScaleProperty().set(0);
        assertThat(model.problems()).as("0 is unbounded").isEmpty();

        model.maxScaleProperty().set(5);
        model.applyKnative();
        assertThat(sent).containsExactly("search knative 1..5 target 50");
    }

    @Test
    void aLambdaFunctionShowsItsProvisionedConcurrencyPerAliasAndSendsTheEdit() {
        ServerlessFunction invoice = new ServerlessFunction(new FunctionId(new SourceRef.AwsRegion("123456789012", "eu-west-1",
                "default"), Platform.LAMBDA, "", "invoice-pdf"), List.of(new TrafficShare("3", 90, "live"),
                new TrafficShare("4", 10, "live"), new TrafficShare("1", 100, "beta")), MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of());
        model.setLambdaConfigs(id -> Optional.of(new LambdaConfig("java17", 512, 30, Optional.of(20), List.of(),
                Map.of("live", 5, "3", 2))));
        // version 3 is provisioned, live is provisioned and routed to, beta is routed to only
        model.show(invoice);

        assertThat(model.qualifiers()).containsExactly("3", "beta", "live");
        assertThat(model.summaryProperty().get()).contains("reserved concurrency 20");
        model.qualifierProperty().set("live");
        assertThat(model.provisionedProperty().get()).isEqualTo(5);
        model.qualifierProperty().set("beta");
        assertThat(model.provisionedProperty().get()).as("none yet").isZero();

        model.provisionedProperty().set(-1);
        assertThat(model.problems()).containsExactly("provisioned concurrency -1 is below 0");
        model.provisionedProperty().set(8);
        model.applyProvisioned();
        assertThat(sent).containsExactly("invoice-pdf:beta provisioned 8");
    }
}
