package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.yaml.YamlRenderer;
import dev.meshdeck.sandbox.Sandbox;
import dev.meshdeck.sandbox.kube.KubeSandbox;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** failover, failback and rollout on the sandbox, as an SRE types them during an incident. */
class FailoverCommandTest {

    @TempDir
    Path dir;
    Sandbox sandbox;
    KubernetesClient client;
    SandboxAws aws;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(0, 0, 0);
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig()))).build();
        System.setProperty(DataDirectory.PROPERTY, dir.resolve("data").toString());
        aws = new SandboxAws(sandbox);
    }

    @AfterEach
    void stop() {
        aws.close();
        System.clearProperty(DataDirectory.PROPERTY);
        client.close();
        sandbox.close();
    }

    private Cli run(String... args) {
        return Cli.run(Stream.concat(Stream.of(args), Stream.of("--kubeconfig", sandbox.kubeconfig().toString()))
                .toArray(String[]::new));
    }

    private GenericKubernetesResource get(String apiVersion, String kind, String name) {
        return client.genericKubernetesResources(apiVersion, kind).inNamespace("payments").withName(name).get();
    }

    private String paymentRoute() {
        return YamlRenderer.render(YamlRenderer.forReview(Serialization.jsonMapper().valueToTree(
                get("networking.istio.io/v1", "VirtualService", "payment-function"))));
    }

    private String routedHost() {
        return Serialization.jsonMapper().valueToTree(get("networking.istio.io/v1", "VirtualService", "payment-function"))
                .at("/spec/http/0/route/0/destination/host").asText();
    }

    @Test
    void targetsListTheConfiguredBackupFirst() {
        Cli targets = run("failover", "targets", "--function", "payment-function");

        assertThat(targets.exitCode()).as(targets.err()).isZero();
        assertThat(targets.out().lines().findFirst().orElse("")).startsWith("host:payment-function-backup")
                .contains("configured backup (meshdeck.dev/failover-target on Deployment payments/payment-function)");
    }

    @Test
    void failoverToTheBackupAndFailbackRestoreTheRouteExactly() {
        String before = paymentRoute();

        Cli over = run("failover", "--function", "payment-function", "--yes", "--reason", "primary 5xx storm");

        assertThat(over.exitCode()).as(over.err()).isZero();
        assertThat(over.out()).contains("+        host: payment-function-backup", "applied and verified");
        assertThat(routedHost()).isEqualTo("payment-function-backup");
        assertThat(Cli.run("history").out()).contains("primary 5xx storm");

        Cli back = run("failback", "--function", "payment-function", "--yes");

        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(paymentRoute()).isEqualTo(before);
        Cli again = run("failback", "--function", "payment-function", "--yes");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("has no failover on context meshdeck-sandbox to fail back from");
    }

    @Test
    void withoutATerminalNothingIsWrittenUnlessConfirmedWithYes() {
        String before = paymentRoute();

        // to its configured backup: a target that exists, so the validation gate lets it reach the question
        Cli unconfirmed = run("failover", "--function", "payment-function");

        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("pass --yes");
        assertThat(paymentRoute()).isEqualTo(before);
    }

    @Test
    void failoverToALambdaFunctionUrlCreatesItsServiceEntry() {
        Cli over = run("failover", "--function", "payment-function", "--to", "lambda:invoice-pdf:live", "--yes");

        assertThat(over.exitCode()).as(over.err()).isZero();
        String host = routedHost();
        assertThat(host).matches("[0-9a-f]{32}\\.lambda-url\\.eu-west-1\\.on\\.aws");
        GenericKubernetesResource entry = get("networking.istio.io/v1", "ServiceEntry", "payment-function-failover");
        assertThat(Serialization.jsonMapper().valueToTree(entry).at("/spec/hosts/0").asText()).isEqualTo(host);
    }

    @Test
    void aLambdaFunctionFailsOverToItsMeshFallbackForItsCallersInTheMeshAndBack() throws Exception {
        ServiceRef payment = new ServiceRef("kube:meshdeck-sandbox", "payments", "payment-function");
        ServiceRef invoice = new ServiceRef("aws::eu-west-1", "", "invoice-pdf");
        ServiceRef fallback = new ServiceRef("kube:meshdeck-sandbox", "payments", "invoice-pdf-fallback");
        assertThat(sandbox.telemetry().fetch(Duration.ofMinutes(1)).edges()).containsKey(new EdgeKey(payment, invoice, ""));

        // the configured backup: the tag meshdeck.dev/failover-target on the Lambda function
        Cli over = run("failover", "--function", "invoice-pdf", "--yes", "--reason", "Lambda throttled in eu-west-1");

        assertThat(over.exitCode()).as(over.err()).isZero();
        assertThat(over.out()).contains("+kind: VirtualService", "host: invoice-pdf-fallback.payments.svc.cluster.local",
                "applied and verified");
        GenericKubernetesResource route = get("networking.istio.io/v1", "VirtualService", "invoice-pdf-failover");
        GenericKubernetesResource entry = get("networking.istio.io/v1", "ServiceEntry", "invoice-pdf-lambda");
        assertThat(Serialization.jsonMapper().valueToTree(route).at("/spec/hosts"))
                .isEqualTo(Serialization.jsonMapper().valueToTree(entry).at("/spec/hosts"));
        TelemetrySnapshot failedOver = sandbox.telemetry().fetch(Duration.ofMinutes(1));
        assertThat(failedOver.edges().keySet()).noneSatisfy(e -> assertThat(e.destination()).isEqualTo(invoice));
        assertThat(failedOver.edges()).containsKey(new EdgeKey(payment, fallback, ""));
        assertThat(Cli.run("history").out()).contains("Lambda throttled in eu-west-1");

        Cli back = run("failback", "--function", "invoice-pdf", "--yes");

        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(get("networking.istio.io/v1", "VirtualService", "invoice-pdf-failover")).isNull();
        assertThat(sandbox.telemetry().fetch(Duration.ofMinutes(1)).edges()).containsKey(new EdgeKey(payment, invoice, ""))
                .doesNotContainKey(new EdgeKey(payment, fallback, ""));
    }

    @Test
    void withSeveralContextsALambdaFailoverIsWrittenWhereItsServiceEntryIs() throws Exception {
        try (KubeSandbox staging = KubeSandbox.start(0)) {
            Path stagingConfig = staging.writeKubeconfig(dir.resolve("staging.kubeconfig"));
            Files.writeString(stagingConfig, Files.readString(stagingConfig).replace(KubeSandbox.CONTEXT, "staging"));
            String kubeconfigs = stagingConfig + java.io.File.pathSeparator + sandbox.kubeconfig();

            Cli over = Cli.run("failover", "--function", "invoice-pdf", "--yes", "--kubeconfig", kubeconfigs);

            assertThat(over.exitCode()).as(over.err()).isZero();
            assertThat(get("networking.istio.io/v1", "VirtualService", "invoice-pdf-failover")).isNotNull();
            assertThat(staging.client().genericKubernetesResources("networking.istio.io/v1", "VirtualService")
                    .inAnyNamespace().list().getItems()).isEmpty();
            Cli back = Cli.run("failback", "--function", "invoice-pdf", "--yes", "--kubeconfig", kubeconfigs);
            assertThat(back.exitCode()).as(back.err()).isZero();
            assertThat(get("networking.istio.io/v1", "VirtualService", "invoice-pdf-failover")).isNull();
        }
    }

    @Test
    void bulkFailoverOfLambdaFunctionsSendsTheMeshCallersToTheirBackups() {
        Cli bulk = run("failover", "--platform", "lambda", "--to-backup", "--yes");

        assertThat(bulk.exitCode()).as(bulk.out() + bulk.err()).isZero();
        assertThat(bulk.out()).contains(
                "lambda invoice-pdf -> host:invoice-pdf-fallback.payments.svc.cluster.local: failed over",
                "4 function(s): 1 failed over, 0 not failed over, 3 skipped");
        assertThat(get("networking.istio.io/v1", "VirtualService", "invoice-pdf-failover")).isNotNull();
        Cli back = run("failback", "--function", "invoice-pdf", "--yes");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(get("networking.istio.io/v1", "VirtualService", "invoice-pdf-failover")).isNull();
    }

    @Test
    void aLambdaFunctionTheMeshDoesNotCallIsRefusedAMeshTarget() {
        Cli refused = run("failover", "--function", "thumbnail-lambda", "--to", "host:thumbnail.serverless.svc.cluster.local", "--yes");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("no ServiceEntry in the cluster carries the mesh's calls to Lambda function thumbnail-lambda");
    }

    @Test
    void bulkFailoverOfANamespaceReportsEveryFunction() {
        Cli bulk = run("failover", "--namespace", "payments", "--to-backup", "--yes");

        assertThat(bulk.exitCode()).as(bulk.out() + bulk.err()).isZero();
        assertThat(bulk.out()).contains("kubernetes payments/payment-function -> host:payment-function-backup: failed over",
                "knative payments/fraud-check: skipped: no configured failover target",
                "context meshdeck-sandbox: 4 function(s): 1 failed over, 0 not failed over, 3 skipped");
        assertThat(bulk.err()).contains("[4/4]");
        assertThat(routedHost()).isEqualTo("payment-function-backup");
    }

    @Test
    void aDeniedAccessReviewRefusesBeforeAnythingIsPlannedOrWritten() {
        String before = paymentRoute();
        sandbox.accessReviews().deny("update", "virtualservices", "payments", "RBAC: payments-viewer cannot update");

        Cli denied = run("failover", "--function", "payment-function", "--yes");

        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.err()).contains("may not update VirtualService payments/payment-function: RBAC: payments-viewer"
                + " cannot update", "Nothing was written.");
        assertThat(paymentRoute()).isEqualTo(before);
    }

    @Test
    void scaleIsRecordedAndUndone() {
        Cli scale = run("rollout", "scale", "--function", "payment-function", "--replicas", "4", "--yes");
        assertThat(scale.exitCode()).as(scale.err()).isZero();
        assertThat(get("apps/v1", "Deployment", "payment-function").get("spec").toString()).contains("replicas=4");

        Cli undo = run("rollout", "undo-change", "--function", "payment-function", "--yes");

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(Serialization.jsonMapper().valueToTree(get("apps/v1", "Deployment", "payment-function"))
                .at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(Cli.run("history").out()).contains("scale Deployment payments/payment-function from 2 to 4 replicas");
    }

    @Test
    void deletingOneOfTheFunctionsPodsIsAGatedRecordedChange() {
        String pod = client.pods().inNamespace("payments").list().getItems().stream()
                .map(p -> p.getMetadata().getName()).filter(n -> n.startsWith("payment-function-") && !n.contains("backup"))
                .findFirst().orElseThrow();

        Cli delete = run("rollout", "delete-pod", "--function", "payment-function", pod, "--yes", "--reason", "stuck pod");

        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(client.pods().inNamespace("payments").withName(pod).get()).isNull();
        assertThat(Cli.run("history").out()).contains("stuck pod");
    }

    @Test
    void aPodOfAnotherFunctionIsRefusedAndLeftRunning() {
        String other = client.pods().inNamespace("payments").list().getItems().stream()
                .map(p -> p.getMetadata().getName()).filter(n -> n.startsWith("fraud-check")).findFirst().orElseThrow();

        Cli delete = run("rollout", "delete-pod", "--function", "payment-function", other, "--yes");

        assertThat(delete.exitCode()).isEqualTo(1);
        assertThat(delete.err()).contains(other + " is not a pod of payments/payment-function");
        assertThat(client.pods().inNamespace("payments").withName(other).get()).isNotNull();
    }
}
