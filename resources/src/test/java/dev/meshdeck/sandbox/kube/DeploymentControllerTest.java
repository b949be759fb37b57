package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's Deployment controller: what an SRE sees with {@code kubectl get rs,pods,ep} after a change. */
class DeploymentControllerTest {

    private static final String NS = "serverless";
    private KubeSandbox sandbox;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        sandbox = KubeSandbox.start(0);
        sandbox.seed(Estate.defaultEstate());
        client = sandbox.client();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void seededDeploymentHasRevisionOneAndKeepsTheEstatePods() {
        List<ReplicaSet> sets = replicaSets("order-function-v1");

        assertThat(sets).singleElement().satisfies(rs -> {
            assertThat(rs.getMetadata().getAnnotations()).containsEntry(DeploymentController.REVISION, "1");
            assertThat(rs.getMetadata().getName()).isEqualTo("order-function-v1-"
                    + rs.getMetadata().getLabels().get(DeploymentController.TEMPLATE_HASH));
            assertThat(rs.getSpec().getReplicas()).isEqualTo(2);
        });
        assertThat(podNames("order-function", "v1"))
                .containsExactlyInAnyOrder("order-function-v1-93664c216-jnxdg", "order-function-v1-93664c216-hf9rj");
        assertThat(deployment("order-function-v1").getMetadata().getAnnotations())
                .containsEntry(DeploymentController.REVISION, "1");
    }

    @Test
    void imageChangeMakesANewReplicaSetWhosePodsReplaceTheOldOnes() {
        setImage("order-function-v1", "ghcr.io/meshdeck/order-function:1.9.0");

        List<ReplicaSet> sets = replicaSets("order-function-v1");
        assertThat(sets).hasSize(2);
        ReplicaSet old = sets.get(0);
        ReplicaSet current = sets.get(1);
        assertThat(current.getMetadata().getAnnotations()).containsEntry(DeploymentController.REVISION, "2");
        assertThat(old.getSpec().getReplicas()).isZero();
        assertThat(current.getSpec().getReplicas()).isEqualTo(2);
        assertThat(current.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo(deployment("order-function-v1").getMetadata().getUid()));

        List<Pod> pods = pods("order-function", "v1");
        assertThat(pods).hasSize(2).allSatisfy(pod -> {
            assertThat(pod.getMetadata().getName()).startsWith(current.getMetadata().getName() + "-");
            assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("ghcr.io/meshdeck/order-function:1.9.0");
            assertThat(pod.getSpec().getContainers()).extracting("name").contains("istio-proxy");
            assertThat(pod.getSpec().getContainers().get(0).getPorts()).extracting("containerPort").containsExactly(8080);
        });
        Endpoints endpoints = client.endpoints().inNamespace(NS).withName("order-function-v1").get();
        assertThat(endpoints.getSubsets().get(0).getAddresses()).extracting(a -> a.getTargetRef().getName())
                .containsExactlyInAnyOrderElementsOf(pods.stream().map(p -> p.getMetadata().getName()).toList());
        assertThat(endpoints.getSubsets().get(0).getPorts()).extracting("port").containsExactly(8080);

        Deployment deployment = deployment("order-function-v1");
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry(DeploymentController.REVISION, "2");
        assertThat(deployment.getStatus().getObservedGeneration()).isEqualTo(deployment.getMetadata().getGeneration());
        assertThat(deployment.getStatus().getUpdatedReplicas()).isEqualTo(2);
        assertThat(deployment.getStatus().getReadyReplicas()).isEqualTo(2);
    }

    @Test
    void aDeletedPodIsReplacedUnderANewNameAndTheEndpointsFollow() {
        String deleted = "order-function-v1-93664c216-jnxdg";
        String revision = deployment("order-function-v1").getMetadata().getAnnotations().get(DeploymentController.REVISION);

        client.pods().inNamespace(NS).withName(deleted).delete();

        List<String> names = podNames("order-function", "v1");
        assertThat(names).hasSize(2).doesNotContain(deleted).contains("order-function-v1-93664c216-hf9rj");
        assertThat(client.endpoints().inNamespace(NS).withName("order-function-v1").get().getSubsets().get(0).getAddresses())
                .extracting(a -> a.getTargetRef().getName()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(replicaSets("order-function-v1")).as("no new revision").hasSize(1);
        assertThat(deployment("order-function-v1").getMetadata().getAnnotations())
                .containsEntry(DeploymentController.REVISION, revision);
    }

    @Test
    void returningToAnEarlierTemplateReusesItsReplicaSetUnderTheNextRevision() {
        String original = deployment("order-function-v1").getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        setImage("order-function-v1", "ghcr.io/meshdeck/order-function:1.9.0");
        setImage("order-function-v1", original);

        List<ReplicaSet> sets = replicaSets("order-function-v1");
        assertThat(sets).hasSize(2);
        ReplicaSet reused = sets.get(1);
        assertThat(reused.getMetadata().getAnnotations()).containsEntry(DeploymentController.REVISION, "3");
        assertThat(reused.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(original);
        assertThat(reused.getSpec().getReplicas()).isEqualTo(2);
        assertThat(sets.get(0).getSpec().getReplicas()).isZero();
        assertThat(pods("order-function", "v1")).hasSize(2)
                .allSatisfy(p -> assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo(original));
    }

    @Test
    void changeCauseIsCopiedToTheNewReplicaSet() {
        client.apps().deployments().inNamespace(NS).withName("order-function-v1").edit(d -> new DeploymentBuilder(d)
                .editMetadata().addToAnnotations(DeploymentController.CHANGE_CAUSE, "CI pushed 2.0.0").endMetadata()
                .editSpec().editTemplate().editSpec().editFirstContainer().withImage("ghcr.io/meshdeck/order-function:2.0.0")
                .endContainer().endSpec().endTemplate().endSpec().build());

        assertThat(replicaSets("order-function-v1").get(1).getMetadata().getAnnotations())
                .containsEntry(DeploymentController.CHANGE_CAUSE, "CI pushed 2.0.0");
    }

    @Test
    void scalingKeepsTheRevisionAndRunsTheNewCount() {
        client.apps().deployments().inNamespace(NS).withName("order-function-v1").scale(3);

        assertThat(replicaSets("order-function-v1")).singleElement()
                .satisfies(rs -> assertThat(rs.getSpec().getReplicas()).isEqualTo(3));
        assertThat(podNames("order-function", "v1")).hasSize(3)
                .contains("order-function-v1-93664c216-jnxdg", "order-function-v1-93664c216-hf9rj");
        assertThat(deployment("order-function-v1").getStatus().getReplicas()).isEqualTo(3);
    }

    @Test
    void newDeploymentGetsPodsAndEndpoints() {
        Map<String, String> labels = Map.of("app", "cart-function");
        client.services().inNamespace(NS).resource(SyntheticWorkload.service(NS, "cart-function", labels)).create();
        client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
                .withNewMetadata().withName("cart-function").withNamespace(NS).endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("function").withImage("cart:1").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();

        assertThat(replicaSets("cart-function")).singleElement()
                .satisfies(rs -> assertThat(rs.getMetadata().getAnnotations()).containsEntry(DeploymentController.REVISION, "1"));
        assertThat(pods("cart-function", null)).hasSize(2);
        assertThat(client.endpoints().inNamespace(NS).withName("cart-function").get().getSubsets().get(0).getAddresses())
                .hasSize(2);
        assertThat(deployment("cart-function").getStatus().getReadyReplicas()).isEqualTo(2);
    }

    @Test
    void dryRunMakesNoReplicaSet() {
        Deployment changed = new DeploymentBuilder(deployment("order-function-v1")).editSpec().editTemplate().editSpec()
                .editFirstContainer().withImage("x:1").endContainer().endSpec().endTemplate().endSpec().build();
        client.apps().deployments().inNamespace(NS).resource(changed).dryRun().update();

        assertThat(replicaSets("order-function-v1")).hasSize(1);
    }

    /** As {@code kubectl set image} does: a strategic-merge patch naming the container by its merge key. */
    private void setImage(String deployment, String image) {
        client.apps().deployments().inNamespace(NS).withName(deployment).patch(
                PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"function\"}],"
                        + "\"containers\":[{\"image\":\"" + image + "\",\"name\":\"function\"}]}}}}");
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private List<ReplicaSet> replicaSets(String deployment) {
        return client.apps().replicaSets().inNamespace(NS).list().getItems().stream()
                .filter(rs -> rs.getMetadata().getOwnerReferences().stream().anyMatch(o -> o.getName().equals(deployment)))
                .sorted(Comparator.comparingLong(DeploymentController::revision)).toList();
    }

    private List<Pod> pods(String app, String version) {
        return client.pods().inNamespace(NS).withLabel("app", app).list().getItems().stream()
                .filter(p -> version == null || version.equals(p.getMetadata().getLabels().get("version"))).toList();
    }

    private List<String> podNames(String app, String version) {
        return pods(app, version).stream().map(p -> p.getMetadata().getName()).toList();
    }
}
