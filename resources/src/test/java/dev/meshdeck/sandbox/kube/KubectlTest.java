package dev.meshdeck.sandbox.kube;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kubectl against the written kubeconfig, as an SRE would use the sandbox. */
class KubectlTest {

    @TempDir
    static Path dir;
    private static KubeSandbox sandbox;
    private static Path kubeconfig;

    record Run(int exitCode, String out, String err) {
        List<String> rows() {
            return Arrays.stream(out.split("\n")).skip(1).filter(l -> !l.isBlank()).toList();
        }
    }

    @BeforeAll
    static void start() {
        sandbox = KubeSandbox.start(0);
        sandbox.seed(Estate.defaultEstate());
        kubeconfig = sandbox.writeKubeconfig(dir.resolve("kube/config"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void listsVirtualServicesInAllNamespaces() throws Exception {
        Run run = kubectl("get", "virtualservices.networking.istio.io", "-A");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.rows()).hasSize(5).anySatisfy(row -> assertThat(row).startsWith("serverless").contains("order-function"));
        assertThat(run.out()).contains("web-bff", "web-bff-public", "inventory-function", "payment-function");
    }

    @Test
    void listsKnativeServicesByShortName() throws Exception {
        Run run = kubectl("get", "ksvc", "-n", "serverless");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.rows()).extracting(row -> row.split("\\s+")[0]).containsExactlyInAnyOrder("image-resize", "thumbnail");
    }

    @Test
    void plainServicesDoNotIncludeKnativeServices() throws Exception {
        Run run = kubectl("get", "services", "-n", "serverless", "-o", "name");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).contains("service/image-resize", "service/order-function")
                .hasSize(7);
    }

    @Test
    void serverSideDryRunChangesNothing() throws Exception {
        Run run = kubectl("-n", "serverless", "patch", "vs", "order-function", "--type", "merge", "--dry-run=server",
                "-p", "{\"spec\":{\"http\":[{\"route\":[{\"destination\":{\"host\":\"order-function-v2\"},\"weight\":100}]}]}}");
        Run after = kubectl("-n", "serverless", "get", "vs", "order-function", "-o",
                "jsonpath={.spec.http[0].route[*].weight}");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(after.out()).isEqualTo("90 10");
    }

    @Test
    void setImageMakesANewReplicaSetAndKeepsTheContainersPorts() throws Exception {
        Run set = kubectl("-n", "serverless", "set", "image", "deployment/order-function-v2",
                "function=ghcr.io/meshdeck/order-function:2.0.1");
        Run sets = kubectl("-n", "serverless", "get", "rs", "-l", "app=order-function,version=v2", "-o",
                "jsonpath={range .items[*]}{.metadata.annotations.deployment\\.kubernetes\\.io/revision}="
                        + "{.spec.replicas}={.spec.template.spec.containers[0].image}{\"\\n\"}{end}");
        Run ports = kubectl("-n", "serverless", "get", "deployment", "order-function-v2", "-o",
                "jsonpath={.spec.template.spec.containers[0].ports[0].containerPort}");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(sets.out().lines().sorted().toList())
                .containsExactly("1=0=ghcr.io/meshdeck/order-function:2.0.0-rc1", "2=1=ghcr.io/meshdeck/order-function:2.0.1");
        assertThat(ports.out()).isEqualTo("8080");

        Run history = kubectl("-n", "serverless", "rollout", "history", "deployment/order-function-v2");
        assertThat(history.exitCode()).as(history.err()).isZero();
        // under "deployment.apps/order-function-v2" and the REVISION CHANGE-CAUSE header
        assertThat(history.rows().stream().skip(1).map(row -> row.split("\\s+")[0])).containsExactly("1", "2");
    }

    @Test
    void missingObjectIsReportedAsNotFound() throws Exception {
        Run run = kubectl("-n", "serverless", "get", "dr", "no-such-rule");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("NotFound").contains("no-such-rule");
    }

    private static Run kubectl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/kubectl"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("HOME", dir.toString());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
