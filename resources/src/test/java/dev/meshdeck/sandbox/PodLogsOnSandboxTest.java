package dev.meshdeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's pods have logs consistent with the simulated traffic, read as fabric8 and kubectl read them. */
class PodLogsOnSandboxTest {

    private static final String ORDER_V1 = "order-function-v1-93664c216-jnxdg";
    private static final String RECOMMENDATION = "recommendation-d0c18034a-nz9js";

    @TempDir
    static Path home;
    private static Sandbox sandbox;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(0, 0, 0);
        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig()))).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void theFunctionsContainerLogsItsRequestsWithTimestamps() {
        String log = client.pods().inNamespace("serverless").withName(ORDER_V1).inContainer("function")
                .usingTimestamps().sinceSeconds(60).getLog();

        List<String> lines = log.lines().toList();
        assertThat(lines).hasSizeGreaterThan(30);
        assertThat(lines).allSatisfy(line -> {
            Instant at = Instant.parse(line.substring(0, line.indexOf(' ')));
            assertThat(at).isBetween(Instant.now().minusSeconds(65), Instant.now());
        });
        assertThat(log).contains("msg=\"request handled\" method=POST path=/order status=200", "caller=web-bff");
    }

    @Test
    void theSidecarLogsEnvoyAccessLinesForTheSameTraffic() {
        String log = client.pods().inNamespace("serverless").withName(ORDER_V1).inContainer("istio-proxy")
                .sinceSeconds(60).getLog();

        assertThat(log.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("^\\[[^]]+] \"POST /order HTTP/1.1\" (200|503) .* outbound_\\.8080_\\.v1_\\.order-function"
                        + "\\.serverless\\.svc\\.cluster\\.local default$"));
    }

    @Test
    void aServiceThatFailsMoreLogsMore5xx() {
        // traffic.yaml: recommendation fails 3 % of its requests, order-function 0.4 %
        assertThat(errorsPerThousand("backend", "recommendation")).isBetween(15.0, 60.0);
        assertThat(errorsPerThousand("serverless", "order-function-v1")).isLessThan(12.0);
    }

    @Test
    void aKnativeRevisionsPodsLogTheirServicesTraffic() {
        String log = client.pods().inNamespace("serverless").withName("image-resize-00001-deployment-3354bdfb2-mcjqd")
                .inContainer("istio-proxy").sinceSeconds(30).getLog();

        assertThat(log).contains("\"POST /image-resize HTTP/1.1\"", "outbound_.8080_.image-resize-00001_.");
    }

    @Test
    void theCrashLoopingPodsPreviousLogShowsItsCrash() {
        String previous = client.pods().inNamespace("backend").withName(RECOMMENDATION).inContainer("function")
                .terminated().getLog();

        assertThat(previous).contains("starting recommendation", "connection refused", "level=fatal");
    }

    @Test
    void aPodOfSeveralContainersNeedsTheContainerNamed() {
        assertThatThrownBy(() -> client.raw("/api/v1/namespaces/serverless/pods/" + ORDER_V1 + "/log"))
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("a container name must be specified").hasMessageContaining("[function istio-proxy]");
    }

    @Test
    void kubectlLogsReadsTheSandboxPods() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/kubectl", "logs", "-n", "serverless", ORDER_V1, "-c",
                "istio-proxy", "--since=30s", "--tail=5").redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", sandbox.kubeconfig().toString());
        builder.environment().put("HOME", home.toString());
        Process kubectl = builder.start();
        kubectl.getOutputStream().close();
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(kubectl.exitValue()).as(out).isZero();
        assertThat(out.lines()).hasSize(5).allSatisfy(line -> assertThat(line).contains("\"POST /order HTTP/1.1\""));
    }

    private static double errorsPerThousand(String namespace, String deploymentPrefix) {
        long lines = 0;
        long errors = 0;
        for (var pod : client.pods().inNamespace(namespace).list().getItems()) {
            if (pod.getMetadata().getName().startsWith(deploymentPrefix)) {
                String log = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName())
                        .inContainer("istio-proxy").sinceSeconds((int) Duration.ofMinutes(20).toSeconds()).getLog();
                lines += log.lines().count();
                errors += log.lines().filter(l -> l.contains("HTTP/1.1\" 503 ")).count();
            }
        }
        assertThat(lines).as(deploymentPrefix + " access lines").isGreaterThan(1000);
        return 1000.0 * errors / lines;
    }
}
