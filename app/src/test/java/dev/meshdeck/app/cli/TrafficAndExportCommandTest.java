package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.core.yaml.YamlReader;
import dev.meshdeck.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canary slider's headless twin and the review export, on the sandbox's three kinds of split. */
class TrafficAndExportCommandTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(0, 0, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static Cli run(String... args) {
        try (SandboxAws aws = new SandboxAws(sandbox)) {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--kubeconfig";
            all[args.length + 1] = sandbox.kubeconfig().toString();
            return Cli.run(all);
        }
    }

    private static JsonNode yaml(Cli cli) throws Exception {
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return new YamlReader().read("out", cli.out()).get(0).tree();
    }

    @Test
    void istioCanaryMovesToFiftyPercent() throws Exception {
        JsonNode vs = yaml(run("traffic", "set", "--function", "order-function", "--candidate-weight", "50"));
        assertThat(vs.at("/kind").asText()).isEqualTo("VirtualService");
        assertThat(vs.at("/spec/http/0/route/0/weight").asInt()).isEqualTo(50);
        assertThat(vs.at("/spec/http/0/route/1/destination/host").asText()).isEqualTo("order-function-v2");
        assertThat(vs.at("/spec/http/0/route/1/weight").asInt()).isEqualTo(50);
        assertThat(vs.at("/metadata/resourceVersion").isMissingNode()).isTrue();
    }

    @Test
    void knativeTrafficMovesAndKeepsItsTag() throws Exception {
        JsonNode ksvc = yaml(run("traffic", "set", "--function", "image-resize", "--candidate-weight", "25"));
        assertThat(ksvc.at("/apiVersion").asText()).isEqualTo("serving.knative.dev/v1");
        assertThat(ksvc.at("/spec/traffic/0/percent").asInt()).isEqualTo(75);
        assertThat(ksvc.at("/spec/traffic/1/percent").asInt()).isEqualTo(25);
        assertThat(ksvc.at("/spec/traffic/1/tag").asText()).isEqualTo("canary");
    }

    @Test
    void lambdaAliasGetsAFractionalWeight() throws Exception {
        JsonNode alias = yaml(run("traffic", "set", "--function", "invoice-pdf", "--candidate-weight", "50"));
        assertThat(alias.at("/kind").asText()).isEqualTo("LambdaAlias");
        assertThat(alias.at("/metadata/name").asText()).isEqualTo("live");
        assertThat(alias.at("/spec/functionVersion").asText()).isEqualTo("3");
        assertThat(alias.at("/spec/routingConfig/additionalVersionWeights/4").asDouble()).isEqualTo(0.5);
    }

    @Test
    void theCandidateIsJudgedAgainstTheLiveEstateAsApplyWouldJudgeIt() throws Exception {
        try (KubernetesClient client = Kubeconfigs.load(List.of(sandbox.kubeconfig())).newClient("meshdeck-sandbox")) {
            // the canary's Service gone: its route now sends half the traffic to a host nothing serves
            var canaryService = client.services().inNamespace("serverless").withName("order-function-v2");
            Service removed = canaryService.get();
            canaryService.delete();
            try {
                Cli preview = run("traffic", "set", "--function", "order-function", "--candidate-weight", "50");

                assertThat(preview.exitCode()).as(preview.err()).isEqualTo(1);
                assertThat(preview.err()).contains("error MD0300", "VirtualService serverless/order-function:",
                        "order-function-v2");
            } finally {
                removed.getMetadata().setResourceVersion(null);
                client.resource(removed).create();
            }
        }
    }

    @Test
    void unknownFunctionAndBadWeightAreExplained() {
        Cli missing = run("traffic", "set", "--function", "nope", "--candidate-weight", "50");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no function named nope");
        Cli bad = run("traffic", "set", "--function", "order-function", "--candidate-weight", "150");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("outside 0-100");
    }

    @Test
    void exportedDirectoryValidatesAndKubectlAcceptsIt(@TempDir Path dir) throws Exception {
        Cli export = run("export", "-o", dir.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(dir.resolve("serverless/virtualservice-order-function.yaml")).exists();
        assertThat(dir.resolve("lambda/lambdaalias-invoice-pdf-live.yaml")).exists();
        assertThat(dir.resolve("lambda/lambdaalias-notify-email-live.yaml")).exists();
        String vs = Files.readString(dir.resolve("serverless/virtualservice-order-function.yaml"));
        assertThat(vs).doesNotContain("resourceVersion", "uid:", "managedFields", "creationTimestamp", "status:");

        Cli validate = Cli.run("validate", "-f", dir.toString());
        assertThat(validate.exitCode()).as(validate.out()).isZero();

        ProcessBuilder pb = new ProcessBuilder("kubectl", "apply", "--dry-run=client", "--validate=false",
                "-f", dir.resolve("serverless").toString(), "-f", dir.resolve("payments").toString())
                .redirectErrorStream(true);
        pb.environment().put("KUBECONFIG", sandbox.kubeconfig().toString());
        Process kubectl = pb.start();
        kubectl.getOutputStream().close();
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.exitValue()).as(out).isZero();
        assertThat(out).contains("virtualservice.networking.istio.io/order-function");
    }
}
