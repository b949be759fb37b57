package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.sandbox.Sandbox;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `meshdeck pods` and `events`: a function's pods as discovery finds them, why one is not serving, and its events. */
class PodsCommandTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(0, 0, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static Cli pods(String... more) {
        List<String> args = new ArrayList<>(List.of("pods", "--kubeconfig", sandbox.kubeconfig().toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void theCanarysPodsAreListedPerVersionWithTheirSidecar() throws Exception {
        Cli cli = pods("--function", "order-function", "-o", "json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(cli.out()).get("pods");
        assertThat(rows).extracting(r -> r.get("version").asText()).containsExactly("v1", "v1", "v2");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("name").asText()).startsWith("order-function-v");
            assertThat(r.get("ready").asBoolean()).isTrue();
            assertThat(r.get("phase").asText()).isEqualTo("Running");
            assertThat(r.get("sidecarVersion").asText()).isNotEmpty();
            assertThat(r.get("node").asText()).isNotEmpty();
        });
    }

    @Test
    void aCrashLoopingPodSaysSoWithItsRestarts() throws Exception {
        try (KubernetesClient client = Kubeconfigs.load(List.of(sandbox.kubeconfig())).newClient("meshdeck-sandbox")) {
            Pod pod = client.pods().inNamespace("payments").list().getItems().stream()
                    .filter(p -> p.getMetadata().getName().startsWith("payment-function-")).findFirst().orElseThrow();
            Pod original = client.pods().inNamespace("payments").withName(pod.getMetadata().getName()).get();
            ContainerStatus crashing = new ContainerStatusBuilder(pod.getStatus().getContainerStatuses().get(0))
                    .withReady(false).withRestartCount(7)
                    .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState().build();
            pod.getStatus().getContainerStatuses().set(0, crashing);
            client.resource(pod).update();
            try {
                Cli table = pods("--function", "payment-function");

                assertThat(table.exitCode()).as(table.err()).isZero();
                assertThat(table.out().lines().filter(l -> l.startsWith(pod.getMetadata().getName())).findFirst().orElseThrow())
                        .contains("1/2", "CrashLoopBackOff", " 7 ");
            } finally {
                original.getMetadata().setResourceVersion(null);
                client.resource(original).update();
            }
        }
    }

    @Test
    void theCrashLoopingPodIsANotReadyEndpointOfItsService() throws Exception {
        Cli cli = pods("--function", "recommendation", "-o", "json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode endpoints = new ObjectMapper().readTree(cli.out()).get("endpoints");
        assertThat(endpoints).extracting(e -> e.get("service").asText()).containsExactly("recommendation");
        assertThat(endpoints.get(0).get("notReady")).extracting(a -> a.get("pod").asText())
                .containsExactly("recommendation-d0c18034a-nz9js");
        assertThat(endpoints.get(0).get("ready")).extracting(a -> a.get("pod").asText())
                .doesNotContain("recommendation-d0c18034a-nz9js").isNotEmpty();
        assertThat(endpoints.get(0).get("notReady").get(0).get("ports").get(0).asInt()).isPositive();

        Cli table = pods("--function", "recommendation");
        assertThat(table.out()).contains("endpoints:\n  Service ").contains("1 not ready (recommendation-d0c18034a-nz9js)");
    }

    @Test
    void theCrashLoopingPodsEventsComeFirstAsWarnings() throws Exception {
        Cli cli = Cli.run("events", "--kubeconfig", sandbox.kubeconfig().toString(), "--function", "recommendation",
                "-o", "json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode events = new ObjectMapper().readTree(cli.out());
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("Warning", "Warning", "Normal");
        assertThat(events).extracting(e -> e.get("reason").asText()).containsExactlyInAnyOrder("BackOff", "Unhealthy", "Started");
        JsonNode backOff = events.get(events.get(0).get("reason").asText().equals("BackOff") ? 0 : 1);
        assertThat(backOff.get("object").asText()).isEqualTo("Pod recommendation-d0c18034a-nz9js");
        assertThat(backOff.get("count").asInt()).isEqualTo(14);
        assertThat(backOff.has("lastSeen")).isTrue();
    }

    @Test
    void aLambdaFunctionHasNoPods() {
        try (SandboxAws aws = new SandboxAws(sandbox)) {
            Cli cli = pods("--function", "invoice-pdf");

            assertThat(cli.exitCode()).isEqualTo(1);
            assertThat(cli.err()).contains("invoice-pdf is a Lambda function: it has no pods");
        }
    }
}
