package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.sandbox.Sandbox;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `meshdeck validate --context`: references checked against the live sandbox, schemas against the cluster's CRDs. */
class ValidateAgainstClusterTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(0, 0, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static Cli validate(Path file, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("validate", "-f", file.toString(),
                "--kubeconfig", sandbox.kubeconfig().toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void subsetMissingFromTheLiveDestinationRuleIsFoundOnlyWithTheCluster(@TempDir Path dir) throws Exception {
        Path candidate = Files.writeString(dir.resolve("vs.yaml"), """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: inventory-function
                  namespace: backend
                spec:
                  hosts: [inventory-function]
                  http:
                  - route:
                    - destination: {host: inventory-function, subset: v3}
                """);

        Cli offline = validate(candidate);
        assertThat(offline.exitCode()).as(offline.out()).isZero();

        Cli live = validate(candidate, "--context", "meshdeck-sandbox");
        assertThat(live.exitCode()).isEqualTo(1);
        assertThat(live.out()).contains("error MD0302 [IST0101] VirtualService backend/inventory-function: subset \"v3\"");
    }

    @Test
    void envFromAConfigMapMissingFromTheClusterIsAnError(@TempDir Path dir) throws Exception {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: payment-function, namespace: payments}
                spec:
                  template:
                    spec:
                      containers:
                      - name: payment
                        image: payment:2
                        envFrom:
                        - configMapRef: {name: SETTINGS}
                        env:
                        - name: DB_PASSWORD
                          valueFrom:
                            secretKeyRef: {name: payment-db, key: password}
                """;
        Path typo = Files.writeString(dir.resolve("typo.yaml"), deployment.replace("SETTINGS", "payment-setings"));
        Path right = Files.writeString(dir.resolve("right.yaml"), deployment.replace("SETTINGS", "payment-settings"));

        Cli wrong = validate(typo, "--context", "meshdeck-sandbox");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.out()).contains("error MD0701 Deployment payments/payment-function: ConfigMap \"payment-setings\"");

        Cli fine = validate(right, "--context", "meshdeck-sandbox");
        assertThat(fine.out()).doesNotContain("MD070");
    }

    @Test
    void aClusterThatDoesNotAnswerIsAnErrorNotACleanBill(@TempDir Path dir) throws Exception {
        Path candidate = Files.writeString(dir.resolve("vs.yaml"), """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: inventory-function, namespace: backend}
                spec:
                  hosts: [inventory-function]
                  http:
                  - route:
                    - destination: {host: inventory-function, subset: v3}
                """);
        int silent;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            silent = socket.getLocalPort();
        }
        String kubeconfig = Files.readString(sandbox.kubeconfig())
                .replaceAll("(server: *\"?https?://127\\.0\\.0\\.1:)\\d+", "$1" + silent);
        Path dead = Files.writeString(dir.resolve("dead-kubeconfig"), kubeconfig);

        Cli cli = Cli.run("validate", "-f", candidate.toString(), "--kubeconfig", dead.toString(), "--context",
                "meshdeck-sandbox");

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains("meshdeck validate: --context meshdeck-sandbox:").doesNotContain("0 errors");
    }

    @Test
    void clusterCrdsJudgeWithTheirCelRules(@TempDir Path dir) throws Exception {
        Path candidate = Files.writeString(dir.resolve("dr.yaml"), """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: inventory-function
                  namespace: backend
                spec:
                  host: inventory-function
                  trafficPolicy:
                    loadBalancer:
                      warmup:
                        minimumPercent: 5.0
                """);
        // offline, fabric8's typed model does not know that warmup needs a duration: Istio's webhook check does
        assertThat(validate(candidate).out()).contains("error MD0515")
                .doesNotContain("spec.trafficPolicy.loadBalancer.warmup.duration");

        installIstioCrds();
        Cli live = validate(candidate, "--context", "meshdeck-sandbox");
        assertThat(live.exitCode()).isEqualTo(1);
        assertThat(live.out()).contains("DestinationRule backend/inventory-function")
                .contains("spec.trafficPolicy.loadBalancer.warmup.duration");
    }

    /** Istio's real CRDs from the shared corpus replace the sandbox's schema-less ones, as on a real cluster. */
    private static void installIstioCrds() throws Exception {
        Path crds = Path.of(System.getProperty("meshdeck.shared"), "corpus", "istio-crds", "crd-all.gen.yaml");
        try (KubernetesClient client = Kubeconfigs.load(List.of(sandbox.kubeconfig())).newClient("meshdeck-sandbox");
             InputStream in = Files.newInputStream(crds)) {
            for (HasMetadata object : client.load(in).items()) {
                if (object instanceof CustomResourceDefinition crd && crd.getSpec().getGroup().endsWith("istio.io")) {
                    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName()).delete();
                    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
                }
            }
        }
    }
}
