package dev.meshdeck.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.sandbox.kube.Estate;
import dev.meshdeck.sandbox.kube.KubeSandbox;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live catalog answers {@code resourcesOf} from its informers' caches; it must say exactly what a catalog that
 * reads every object from the server says, for every function of the sandbox estate, and follow changes.
 */
class KubeCatalogCacheTest {

    @TempDir
    Path dir;

    private KubeSandbox kube;
    private KubeCatalog live;
    private KubeCatalog fetching;
    private final EventRecorder events = new EventRecorder();

    @BeforeEach
    void start() {
        kube = KubeSandbox.start(0);
        kube.seed(Estate.defaultEstate());
        Kubeconfigs kubeconfigs = Kubeconfigs.load(List.of(kube.writeKubeconfig(dir.resolve("kubeconfig"))));
        fetching = new KubeCatalog(kubeconfigs);
        live = new KubeCatalog(kubeconfigs);
        live.start(events, true);
        assertThat(events.awaitSettled(KubeSandbox.CONTEXT).state()).isEqualTo(SourceStatus.State.CONNECTED);
        events.await(InventoryEvent.SourceChanged.class, e -> e.status().message().endsWith(", live"), 0);
    }

    @AfterEach
    void stop() {
        live.close();
        fetching.close();
        kube.close();
    }

    @Test
    void theCachesGiveEveryFunctionTheResourcesTheServerGives() {
        List<ServerlessFunction> functions = fetching.listOnce().functions();
        assertThat(functions).hasSizeGreaterThan(10);
        for (ServerlessFunction f : functions) {
            List<MeshResource> fetched = fetching.resourcesOf(f.id());
            assertThat(fetched).as(f.id().qualifiedName()).isNotEmpty();
            assertThat(live.resourcesOf(f.id())).as(f.id().qualifiedName()).isEqualTo(fetched);
        }
    }

    @Test
    void theCachesFollowAChange() {
        ServerlessFunction order = fetching.listOnce().functions().stream()
                .filter(f -> f.name().equals("order-function")).findFirst().orElseThrow();
        int before = events.size();
        try (KubernetesClient client = Kubeconfigs.load(List.of(dir.resolve("kubeconfig"))).newClient(KubeSandbox.CONTEXT)) {
            client.resources(VirtualService.class).inNamespace("serverless").withName("order-function").edit(vs -> {
                vs.getSpec().getHttp().get(0).getRoute().get(0).setWeight(50);
                vs.getSpec().getHttp().get(0).getRoute().get(1).setWeight(50);
                return vs;
            });
        }
        events.await(InventoryEvent.FunctionChanged.class, e -> e.function().name().equals("order-function"), before);

        MeshResource vs = live.resourcesOf(order.id()).stream().filter(r -> r.kind().equals("VirtualService")).findFirst().orElseThrow();
        assertThat(vs.yaml()).contains("weight: 50").doesNotContain("weight: 90");
        assertThat(live.resourcesOf(order.id())).isEqualTo(fetching.resourcesOf(order.id()));
    }
}
