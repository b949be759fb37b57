package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.SourceRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeconfigsTest {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static String config(String current, String context, String cluster, String server) {
        return """
                apiVersion: v1
                kind: Config
                current-context: %s
                clusters:
                - name: %s
                  cluster:
                    server: %s
                    certificate-authority: certs/ca.crt
                contexts:
                - name: %s
                  context: {cluster: %s, user: admin, namespace: serverless}
                - name: shared
                  context: {cluster: %s, user: admin}
                users:
                - name: admin
                  user:
                    token: very-secret-token
                """.formatted(current, cluster, server, context, cluster, cluster);
    }

    @Test
    void contextsOfAllFilesAreMergedAndTheFirstFileWinsLikeKubectl() throws Exception {
        Path first = write("a.yaml", config("prod-eu", "prod-eu", "eu", "https://10.0.0.1:6443"));
        Path second = write("b.yaml", config("staging", "staging", "us", "https://10.0.0.2:6443"));

        Kubeconfigs kubeconfigs = Kubeconfigs.load(List.of(first, second));

        assertThat(kubeconfigs.contexts()).containsExactly(
                new SourceRef.KubeContext("prod-eu", "eu", "https://10.0.0.1:6443"),
                new SourceRef.KubeContext("shared", "eu", "https://10.0.0.1:6443"),
                new SourceRef.KubeContext("staging", "us", "https://10.0.0.2:6443"));
        assertThat(kubeconfigs.currentContext()).contains("prod-eu");
        assertThat(kubeconfigs.problems()).isEmpty();
    }

    @Test
    void aMalformedFileIsAProblemNamingFileAndLineWithoutItsSecretsAndTheOthersLoad() throws Exception {
        Path broken = write("broken.yaml", """
                apiVersion: v1
                users:
                - name: admin
                  user:
                    token: abc: very-secret-token
                """);
        Path good = write("good.yaml", config("dev", "dev", "kind", "https://127.0.0.1:6443"));

        Kubeconfigs kubeconfigs = Kubeconfigs.load(List.of(broken, good));

        assertThat(kubeconfigs.problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("kubeconfig " + broken + " is not valid at line 5")
                .contains("mapping values are not allowed here")
                .doesNotContain("very-secret-token"));
        assertThat(kubeconfigs.contexts()).extracting(SourceRef.KubeContext::context).containsExactly("dev", "shared");
    }

    @Test
    void aFileOfTheWrongShapeIsAProblemToo() throws Exception {
        Path wrong = write("wrong.yaml", "apiVersion: v1\ncontexts: not-a-list\n");

        assertThat(Kubeconfigs.load(List.of(wrong)).problems()).singleElement()
                .satisfies(p -> assertThat(p).startsWith("kubeconfig " + wrong + " is not valid at line 2"));
    }

    @Test
    void aMissingExplicitFileIsAProblem() {
        Path missing = dir.resolve("nope.yaml");

        assertThat(Kubeconfigs.load(List.of(missing)).problems())
                .containsExactly("kubeconfig " + missing + " does not exist: check the path given with --kubeconfig or KUBECONFIG");
    }

    @Test
    void aPathListSplitsOnThePlatformSeparator() {
        String list = "/a/config" + File.pathSeparator + File.pathSeparator + "/b/config ";

        assertThat(Kubeconfigs.parsePathList(list)).containsExactly(Path.of("/a/config"), Path.of("/b/config"));
    }

    @Test
    void aClientTalksToTheContextsServerWithShortTimeouts() {
        Path file = new TestKubeconfig().context("dev", "https://127.0.0.1:6443").writeTo(dir.resolve("config"));

        try (KubernetesClient client = Kubeconfigs.load(List.of(file)).newClient("dev")) {
            assertThat(client.getConfiguration().getMasterUrl()).isEqualTo("https://127.0.0.1:6443/");
            assertThat(client.getConfiguration().getConnectionTimeout())
                    .isEqualTo((int) Kubeconfigs.DEFAULT_CONNECT_TIMEOUT.toMillis());
            assertThat(client.getConfiguration().getRequestRetryBackoffLimit()).isZero();
        }
    }

    @Test
    void aRelativeCertificatePathResolvesAgainstTheDeclaringFileAndAMissingOneFailsTheContext() throws Exception {
        Path file = write("a.yaml", config("prod-eu", "prod-eu", "eu", "https://10.0.0.1:6443"));

        try (KubeCatalog catalog = new KubeCatalog(Kubeconfigs.load(List.of(file)),
                KubeCatalog.Options.defaults().withContexts(Set.of("prod-eu")))) {
            assertThat(catalog.listOnce().sources()).singleElement().satisfies(s -> assertThat(s.message())
                    .isEqualTo("context prod-eu: the kubeconfig names " + dir.resolve("certs/ca.crt") + ", which does not exist"));
        }
    }

    @Test
    void aContextWhoseClusterIsDefinedNowhereCannotGetAClient() throws Exception {
        Path file = write("a.yaml", """
                contexts:
                - name: orphan
                  context: {cluster: gone, user: admin}
                """);
        Kubeconfigs kubeconfigs = Kubeconfigs.load(List.of(file));

        assertThat(kubeconfigs.contexts()).containsExactly(new SourceRef.KubeContext("orphan", "gone", ""));
        assertThatThrownBy(() -> kubeconfigs.newClient("orphan"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("context orphan refers to cluster 'gone', which no kubeconfig file defines");
    }
}
