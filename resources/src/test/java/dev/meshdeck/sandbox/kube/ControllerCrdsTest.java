package dev.meshdeck.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.canary.CanaryPlan;
import dev.meshdeck.core.canary.ControllerExport;
import dev.meshdeck.core.canary.ExportCheck;
import dev.meshdeck.core.validation.Finding;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox serves Flagger's and Argo Rollouts' own CRDs (shipped unmodified), stored the first time one is asked
 * for by name; MeshDeck's exports pass their schemas, and an export that breaks them is refused.
 */
class ControllerCrdsTest {

    private static KubeSandbox sandbox;
    private static KubernetesClient client;

    static final CanaryPlan PLAN = new CanaryPlan(List.of(25, 50), Duration.ofSeconds(30), 99, CanaryPlan.DEFAULT_LATENCY,
            null, 10, 3, Set.of(50), true);

    @BeforeAll
    static void start() {
        sandbox = KubeSandbox.start(0);
        client = sandbox.client();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static List<JsonNode> upstream() {
        return Stream.of("sandbox/crds/flagger-crd.yaml", "sandbox/crds/argo-rollout-crd.yaml",
                        "sandbox/crds/argo-analysis-template-crd.yaml")
                .flatMap(f -> ControllerCrds.load(f).stream()).map(c -> (JsonNode) Serialization.jsonMapper().valueToTree(c))
                .toList();
    }

    static ControllerExport.Target istio(ControllerExport.Kind kind) {
        return new ControllerExport.Target(kind, "serverless", "order-function", "order-function", "order-function-v1",
                "order-function-v2", 80);
    }

    @Test
    void theControllersCrdsAreStoredWhenFirstAskedForByName() {
        assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems())
                .extracting(c -> c.getMetadata().getName()).doesNotContain("canaries.flagger.app", "rollouts.argoproj.io");

        CustomResourceDefinition canary = client.apiextensions().v1().customResourceDefinitions()
                .withName("canaries.flagger.app").get();
        CustomResourceDefinition rollout = client.apiextensions().v1().customResourceDefinitions()
                .withName("rollouts.argoproj.io").get();

        assertThat(canary.getSpec().getNames().getKind()).isEqualTo("Canary");
        assertThat(rollout.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties()).containsKey("spec");
        assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems())
                .extracting(c -> c.getMetadata().getName())
                .contains("canaries.flagger.app", "metrictemplates.flagger.app", "rollouts.argoproj.io")
                .doesNotContain("analysistemplates.argoproj.io");
    }

    @Test
    void bothExportsPassTheRealControllersSchemas() {
        List<JsonNode> crds = upstream();
        for (ControllerExport.Export export : List.of(ControllerExport.flagger(PLAN, istio(ControllerExport.Kind.ISTIO_HOSTS)),
                ControllerExport.flagger(PLAN, new ControllerExport.Target(ControllerExport.Kind.KNATIVE, "serverless",
                        "image-resize", null, "", "image-resize-00002", 0)),
                ControllerExport.argo(PLAN, istio(ControllerExport.Kind.ISTIO_HOSTS)),
                ControllerExport.argo(PLAN, istio(ControllerExport.Kind.ISTIO_SUBSETS)))) {
            ExportCheck.Result result = ExportCheck.judge(export.objects(), crds);

            assertThat(result.findings()).extracting(Finding::toCompilerLine).isEmpty();
            assertThat(result.unchecked()).isEmpty();
        }
    }

    @Test
    void anExportTheSchemaRefusesFailsAndAMissingCrdIsNamed() {
        ControllerExport.Export export = ControllerExport.argo(PLAN, istio(ControllerExport.Kind.ISTIO_SUBSETS));
        ObjectNode rollout = export.objects().get(0);
        ((ObjectNode) rollout.at("/spec/strategy/canary/steps/1")).put("setWeight", "fifty");
        ((ObjectNode) rollout.at("/spec/strategy/canary/trafficRouting/istio/destinationRule")).remove("canarySubsetName");

        ExportCheck.Result result = ExportCheck.judge(export.objects(), upstream());

        assertThat(result.refused()).isTrue();
        assertThat(result.findings()).extracting(Finding::toCompilerLine).anySatisfy(line -> assertThat(line)
                .contains("Rollout serverless/order-function", "spec.strategy.canary.steps[1].setWeight"));
        assertThat(result.findings()).extracting(Finding::path)
                .contains("spec.strategy.canary.trafficRouting.istio.destinationRule.canarySubsetName");

        ExportCheck.Result noController = ExportCheck.judge(export.objects(), List.of());
        assertThat(noController.refused()).isFalse();
        assertThat(noController.unchecked()).containsExactly("rollouts.argoproj.io", "analysistemplates.argoproj.io");
    }
}
