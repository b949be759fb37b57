package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.core.yaml.YamlRenderer;
import dev.meshdeck.sandbox.Sandbox;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply, diff, history, rollback and traffic set --apply, end to end on the sandbox, as a person types them. */
class ApplyHistoryRollbackCommandTest {

    static final String PLANTED_TOKEN = "planted-kube-token-5f3a8e";
    static final String PLANTED_AWS_SECRET = "planted-aws-secret-9c1e77";

    @TempDir
    Path dir;
    Sandbox sandbox;
    Path kubeconfig;
    KubernetesClient client;
    SandboxAws aws;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(0, 0, 0);
        // the sandbox checks no token: a planted one must still never reach a file MeshDeck writes
        kubeconfig = dir.resolve("kubeconfig");
        String original = Files.readString(sandbox.kubeconfig());
        Files.writeString(kubeconfig, original.replaceAll("token: .*", "token: " + PLANTED_TOKEN));
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
        System.setProperty(DataDirectory.PROPERTY, dir.resolve("data").toString());
        aws = new SandboxAws(sandbox);
        System.setProperty("aws.secretAccessKey", PLANTED_AWS_SECRET);
    }

    @AfterEach
    void stop() {
        aws.close();
        System.clearProperty(DataDirectory.PROPERTY);
        client.close();
        sandbox.close();
    }

    private Cli run(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--kubeconfig", kubeconfig.toString())).toArray(String[]::new);
        return Cli.run(all);
    }

    private GenericKubernetesResource get(String apiVersion, String kind, String ns, String name) {
        return client.genericKubernetesResources(apiVersion, kind).inNamespace(ns).withName(name).get();
    }

    /** The three objects the change touches, as a reviewer sees them ("" when absent). */
    private String snapshot() {
        StringBuilder s = new StringBuilder();
        for (GenericKubernetesResource r : new GenericKubernetesResource[] {
                get("networking.istio.io/v1", "VirtualService", "serverless", "order-function"),
                get("networking.istio.io/v1", "DestinationRule", "serverless", "order-function"),
                get("security.istio.io/v1", "PeerAuthentication", "serverless", "order-function-strict")}) {
            s.append(r == null ? "-\n" : YamlRenderer.render(YamlRenderer.forReview(Serialization.jsonMapper().valueToTree(r))));
        }
        return s.toString();
    }

    /** A directory with the order-function canary at 50/50, its DR on ROUND_ROBIN and a new PeerAuthentication. */
    private Path changeDirectory() throws Exception {
        Path files = Files.createDirectories(dir.resolve("change"));
        ObjectNode vs = YamlRenderer.forReview(Serialization.jsonMapper().valueToTree(
                get("networking.istio.io/v1", "VirtualService", "serverless", "order-function")));
        ((ObjectNode) vs.at("/spec/http/0/route/0")).put("weight", 50);
        ((ObjectNode) vs.at("/spec/http/0/route/1")).put("weight", 50);
        ObjectNode dr = YamlRenderer.forReview(Serialization.jsonMapper().valueToTree(
                get("networking.istio.io/v1", "DestinationRule", "serverless", "order-function")));
        ((ObjectNode) dr.at("/spec/trafficPolicy/loadBalancer")).put("simple", "ROUND_ROBIN");
        Files.writeString(files.resolve("vs.yaml"), YamlRenderer.render(vs));
        Files.writeString(files.resolve("dr.yaml"), YamlRenderer.render(dr));
        Files.writeString(files.resolve("pa.yaml"), """
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata:
                  name: order-function-strict
                  namespace: serverless
                spec:
                  selector:
                    matchLabels:
                      app: order-function
                  mtls:
                    mode: STRICT
                """);
        return files;
    }

    @Test
    void applySeeHistoryRollBack() throws Exception {
        String before = snapshot();
        Path change = changeDirectory();

        Cli diff = run("diff", "-f", change.toString());
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("-      weight: 90", "+      weight: 50", "+      simple: ROUND_ROBIN",
                "# create PeerAuthentication serverless/order-function-strict");

        Cli unconfirmed = run("apply", "-f", change.toString());
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("stdin is not a terminal", "--yes", "nothing was written");
        Cli dryRun = run("apply", "-f", change.toString(), "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.err()).contains("dry run: context meshdeck-sandbox accepts");
        assertThat(snapshot()).isEqualTo(before);

        Cli apply = run("apply", "-f", change.toString(), "--yes", "--reason", "canary to half");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("applied and verified");
        assertThat(get("networking.istio.io/v1", "VirtualService", "serverless", "order-function")
                .getAdditionalProperties().toString()).contains("weight=50");
        assertThat(run("apply", "-f", change.toString(), "--yes").err()).contains("nothing to change");

        Cli history = Cli.run("history");
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).contains("apply", "applied", "context meshdeck-sandbox",
                "kubeconfig user meshdeck-sandbox", "canary to half");
        JsonNode entries = new ObjectMapper().readTree(Cli.run("history", "-o", "json").out());
        assertThat(entries).hasSize(1);
        String id = entries.get(0).path("id").asText();
        assertThat(entries.get(0).path("changes")).hasSize(3);

        Cli rollback = run("rollback", id, "--yes");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(snapshot()).isEqualTo(before);
        JsonNode after = new ObjectMapper().readTree(Cli.run("history", "-o", "json").out());
        assertThat(after.get(0).path("action").asText()).isEqualTo("rollback");
        assertThat(after.get(0).path("relatesTo").asText()).isEqualTo(id);
        assertThat(Cli.run("history", id).out()).contains("+      weight: 50");

        assertNoSecretIn(List.of(diff, unconfirmed, dryRun, apply, history, rollback));
    }

    @Test
    void aFileEditedFromAnOlderVersionIsAConflictAndNothingIsWritten() throws Exception {
        Path change = changeDirectory();
        ObjectNode edited = (ObjectNode) new dev.meshdeck.core.yaml.YamlReader()
                .read("vs", Files.readString(change.resolve("vs.yaml"))).get(0).tree();
        GenericKubernetesResource live = get("networking.istio.io/v1", "VirtualService", "serverless", "order-function");
        edited.with("metadata").put("resourceVersion", live.getMetadata().getResourceVersion());
        Files.writeString(change.resolve("vs.yaml"), YamlRenderer.render(edited));
        // someone else changes the VirtualService after the file was exported
        live.getMetadata().getAnnotations().put("team", "payments");
        client.resource(live).update();
        String before = snapshot();

        Cli apply = run("apply", "-f", change.toString(), "--yes");

        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.err()).contains("conflict: VirtualService serverless/order-function changed since it was loaded",
                "nothing was overwritten", "+    team: payments");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(run("apply", "-f", dir.resolve("missing.yaml").toString(), "--yes").exitCode()).isEqualTo(2);
    }

    @Test
    void trafficSetAppliesTheSlidersCandidate() throws Exception {
        Cli lambda = run("traffic", "set", "--function", "invoice-pdf", "--candidate-weight", "30", "--apply", "--yes");
        assertThat(lambda.exitCode()).as(lambda.err()).isZero();
        assertThat(lambda.out()).contains("\"4\": 0.3", "applied and verified");

        Cli unconfirmed = run("traffic", "set", "--function", "order-function", "--candidate-weight", "25", "--apply");
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        Cli istio = run("traffic", "set", "--function", "order-function", "--candidate-weight", "25", "--apply", "--yes");
        assertThat(istio.exitCode()).as(istio.err()).isZero();
        assertThat(get("networking.istio.io/v1", "VirtualService", "serverless", "order-function")
                .getAdditionalProperties().toString()).contains("weight=75", "weight=25");
        assertThat(Cli.run("history").out()).contains("traffic set order-function candidate 25%",
                "traffic set invoice-pdf candidate 30%");
        assertNoSecretIn(List.of(lambda, unconfirmed, istio));
    }

    private void assertNoSecretIn(List<Cli> outputs) throws Exception {
        for (Cli cli : outputs) {
            assertThat(cli.out() + cli.err()).doesNotContain(PLANTED_TOKEN, PLANTED_AWS_SECRET);
        }
        try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(PLANTED_TOKEN, PLANTED_AWS_SECRET);
            }
        }
    }
}
