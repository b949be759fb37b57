package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.sandbox.Sandbox;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `rollout history` and `rollout undo` on the sandbox after someone else (kubectl, CI) pushed a bad image, and
 * `sidecar disable`, whose template change rolls the pods.
 */
class RolloutRevisionsCommandTest {

    private static final String GOOD = "ghcr.io/meshdeck/payment-function:7.4.0";
    private static final String BAD = "ghcr.io/meshdeck/payment-function:7.5.0-broken";

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

    @Test
    void undoRestoresThePreviousImageAfterKubectlSetImage() {
        setImage(BAD);

        Cli undo = run("rollout", "undo", "--function", "payment-function", "--deployment", "payment-function", "--yes");

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(image()).isEqualTo(GOOD);
        assertThat(deployment().getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "3");
        JsonNode history = json(run("rollout", "history", "--function", "payment-function", "-o", "json"));
        assertThat(history.at("/0/revisions").size()).isEqualTo(2);
        assertThat(history.at("/0/revisions/0/revision").asInt()).isEqualTo(2);
        assertThat(history.at("/0/revisions/0/images/0").asText()).isEqualTo(BAD);
        assertThat(history.at("/0/revisions/1/revision").asInt()).isEqualTo(3);
        assertThat(history.at("/0/revisions/1/current").asBoolean()).isTrue();
        assertThat(history.at("/0/revisions/1/images/0").asText()).isEqualTo(GOOD);
        assertThat(Cli.run("history").out()).contains("roll back Deployment payments/payment-function to revision 1");
    }

    @Test
    void historyTableMarksTheCurrentRevisionAndShowsTheChangeCause() {
        client.apps().deployments().inNamespace("payments").withName("payment-function").edit(d -> {
            d.getMetadata().getAnnotations().put("kubernetes.io/change-cause", "CI: release 7.5.0");
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(BAD);
            return d;
        });

        Cli history = run("rollout", "history", "--function", "payment-function");

        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out().lines().skip(1).toList()).hasSize(2)
                .anySatisfy(row -> assertThat(row).contains(" 2* ").contains(BAD).endsWith("CI: release 7.5.0"))
                .anySatisfy(row -> assertThat(row).contains(" 1 ").contains(GOOD));
    }

    @Test
    void undoToTheRunningRevisionIsRefusedAndWritesNothing() {
        setImage(BAD);

        Cli undo = run("rollout", "undo", "--function", "payment-function", "--to-revision", "2", "--yes");

        assertThat(undo.exitCode()).isNotZero();
        assertThat(undo.err()).contains("already runs revision 2");
        assertThat(image()).isEqualTo(BAD);
    }

    @Test
    void sidecarDisableRollsThePodsWithoutTheProxy() {
        Cli disable = run("sidecar", "disable", "--function", "payment-function", "--yes");

        assertThat(disable.exitCode()).as(disable.err()).isZero();
        assertThat(client.pods().inNamespace("payments").withLabel("app", "payment-function").list().getItems())
                .isNotEmpty().allSatisfy(pod -> assertThat(pod.getSpec().getContainers())
                        .extracting(c -> c.getName()).containsExactly("function"));
        Cli again = run("sidecar", "disable", "--function", "payment-function", "--yes");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("sidecar injection is already off");
    }

    @Test
    void theNamespaceSwitchIsShownAndWithRestartRollsTheFunctionsWhosePodsItChanges() {
        assertThat(run("config", "--function", "payment-function").out())
                .contains("sidecar injection: on (namespace istio-injection=enabled; namespace payments: istio-injection=enabled)");

        Cli named = run("sidecar", "disable", "--namespace", "payments");
        Cli disable = run("sidecar", "disable", "--namespace", "payments", "--restart", "--yes");

        assertThat(named.err()).contains("Deployment payments/payment-function", "add --restart");
        assertThat(disable.exitCode()).as(disable.err()).isZero();
        assertThat(client.namespaces().withName("payments").get().getMetadata().getLabels())
                .containsEntry("istio-injection", "disabled");
        assertThat(client.pods().inNamespace("payments").withLabel("app", "payment-function").list().getItems())
                .isNotEmpty().allSatisfy(pod -> assertThat(pod.getSpec().getContainers())
                        .extracting(c -> c.getName()).containsExactly("function"));
        assertThat(run("config", "--function", "payment-function").out())
                .contains("sidecar injection: off (namespace istio-injection=disabled;");
        assertThat(Cli.run("history").out()).contains("disable sidecar injection in namespace payments and restart "
                + "Deployment payments/invoice-pdf-fallback, Deployment payments/payment-function, ");
        assertThat(run("sidecar", "disable", "--namespace", "payments", "--yes").err())
                .contains("namespace payments is already labelled istio-injection=disabled");
    }

    /** What `kubectl set image` sends: a strategic-merge patch naming the container. */
    private void setImage(String image) {
        client.apps().deployments().inNamespace("payments").withName("payment-function").patch(
                PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"function\"}],"
                        + "\"containers\":[{\"image\":\"" + image + "\",\"name\":\"function\"}]}}}}");
    }

    private Deployment deployment() {
        return client.apps().deployments().inNamespace("payments").withName("payment-function").get();
    }

    private String image() {
        return deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private Cli run(String... args) {
        return Cli.run(Stream.concat(Stream.of(args), Stream.of("--kubeconfig", sandbox.kubeconfig().toString()))
                .toArray(String[]::new));
    }

    private static JsonNode json(Cli cli) {
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return Serialization.unmarshal(cli.out(), JsonNode.class);
    }
}
