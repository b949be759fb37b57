package dev.meshdeck.connectors.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** How discovery lists a kind: page by page, kinds the server does not serve being absent. */
@EnableKubernetesMockClient
class ClusterReaderTest {

    KubernetesClient client;
    KubernetesMockServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withNamespace("serverless").withName(name).endMetadata().build();
    }

    @Test
    void aPagedListIsReadToItsLastPage() {
        String first = "/api/v1/pods?limit=" + ClusterReader.PAGE;
        server.expect().get().withPath(first).andReturn(200, new PodListBuilder()
                .withNewMetadata().withContinue("page-2").endMetadata().withItems(pod("a-1"), pod("a-2")).build()).once();
        server.expect().get().withPath(first + "&continue=page-2").andReturn(200, new PodListBuilder()
                .withNewMetadata().withContinue("page/3").endMetadata().withItems(pod("b-1")).build()).once();
        server.expect().get().withPath(first + "&continue=page%2F3").andReturn(200, new PodListBuilder()
                .withNewMetadata().endMetadata().withItems(pod("c-1")).build()).once();

        ClusterObjects objects = ClusterReader.readAll(client, executor);

        List<Listed.Pod> pods = objects.get(KubeKind.PODS);
        assertThat(pods).extracting(Listed.Pod::name).containsExactly("a-1", "a-2", "b-1", "c-1");
        // nothing else is served here (404): absent, not failed
        assertThat(objects.absent()).contains(KubeKind.DEPLOYMENTS, KubeKind.VIRTUAL_SERVICES).doesNotContain(KubeKind.PODS);
    }
}
