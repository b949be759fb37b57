package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.SourceStatus;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class KubeCatalogFailureTest {

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    private void oneFunctionOfEachKind() {
        ClusterFixtures f = new ClusterFixtures(client);
        f.deployment("serverless", "order-function", Map.of("app", "order-function", "meshdeck.dev/function", "true"), 1, 1, true);
        f.knativeService("serverless", "thumbnail", "thumbnail-00001", ClusterFixtures.latest(100));
    }

    @Test
    void anUnreachableContextFailsNamingContextAndServerWhileAnotherContextLoads() {
        oneFunctionOfEachKind();
        String deadServer = TestKubeconfig.closedPortUrl();
        Path kubeconfig = new TestKubeconfig()
                .context("prod-eu", deadServer)
                .context("dev", client.getMasterUrl().toString())
                .writeTo(dir.resolve("config"));
        EventRecorder events = new EventRecorder();

        try (KubeCatalog catalog = new KubeCatalog(Kubeconfigs.load(List.of(kubeconfig)))) {
            catalog.start(events, false);

            SourceStatus prod = events.awaitSettled("prod-eu");
            SourceStatus dev = events.awaitSettled("dev");
            assertThat(prod.state()).isEqualTo(SourceStatus.State.FAILED);
            assertThat(prod.message()).isEqualTo("context prod-eu: cannot reach " + deadServer + " (connection refused)");
            assertThat(dev.state()).isEqualTo(SourceStatus.State.CONNECTED);
            assertThat(dev.message()).isEqualTo("2 functions");
            assertThat(events.events()).noneMatch(e -> e.toString().contains("secret-token"));
        }
    }

    @Test
    void aClusterWithoutKnativeIsDiscoveredWithoutError() {
        oneFunctionOfEachKind();
        server.expect().get().withPath("/apis/serving.knative.dev/v1/services?limit=" + ClusterReader.PAGE)
                .andReturn(404, new StatusBuilder().withCode(404).withReason("NotFound").withMessage("the server could not find the requested resource").build())
                .always();

        KubeListing listing = listOnce();

        assertThat(listing.sources()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(SourceStatus.State.CONNECTED);
            assertThat(s.message()).isEqualTo("1 function");
        });
        assertThat(listing.functions()).singleElement().satisfies(f -> {
            assertThat(f.platform()).isEqualTo(Platform.KUBERNETES);
            assertThat(f.name()).isEqualTo("order-function");
        });
    }

    @Test
    void forbiddenListingFailsTheContextNamingTheKind() {
        oneFunctionOfEachKind();
        server.expect().get().withPath("/api/v1/pods?limit=" + ClusterReader.PAGE)
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").withMessage("pods is forbidden").build())
                .always();

        KubeListing listing = listOnce();

        assertThat(listing.sources()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(SourceStatus.State.FAILED);
            assertThat(s.message()).isEqualTo("context dev: not allowed listing pods in all namespaces (403 Forbidden):"
                    + " MeshDeck needs cluster-wide list and watch on pods");
        });
        assertThat(listing.functions()).isEmpty();
    }

    @Test
    void aMalformedKubeconfigIsReportedAsAProblemAndTheOtherFileStillLoads() throws Exception {
        oneFunctionOfEachKind();
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nclusters:\n- name: x\n  cluster: {server: [\n");
        Path good = new TestKubeconfig().context("dev", client.getMasterUrl().toString()).writeTo(dir.resolve("config"));
        EventRecorder events = new EventRecorder();

        try (KubeCatalog catalog = new KubeCatalog(Kubeconfigs.load(List.of(broken, good)))) {
            catalog.start(events, false);

            assertThat(events.awaitSettled("dev").state()).isEqualTo(SourceStatus.State.CONNECTED);
            InventoryEvent.Problem problem = events.await(InventoryEvent.Problem.class, p -> true, 0);
            assertThat(problem.message()).startsWith("kubeconfig " + broken + " is not valid at line ");
        }
    }

    private KubeListing listOnce() {
        Path kubeconfig = new TestKubeconfig().context("dev", client.getMasterUrl().toString()).writeTo(dir.resolve("config"));
        try (KubeCatalog catalog = new KubeCatalog(Kubeconfigs.load(List.of(kubeconfig)))) {
            return catalog.listOnce();
        }
    }
}
