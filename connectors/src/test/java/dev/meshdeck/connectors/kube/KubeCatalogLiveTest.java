package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.inventory.TrafficShare;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class KubeCatalogLiveTest {

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    private KubeCatalog catalog;
    private final EventRecorder events = new EventRecorder();

    @BeforeEach
    void startLive() {
        SmallEstate.populate(new ClusterFixtures(client));
        Path kubeconfig = new TestKubeconfig().context("dev", client.getMasterUrl().toString()).writeTo(dir.resolve("config"));
        catalog = new KubeCatalog(Kubeconfigs.load(List.of(kubeconfig)));
        catalog.start(events, true);
        assertThat(events.awaitSettled("dev").state()).isEqualTo(SourceStatus.State.CONNECTED);
        // The mock server does not replay events missed before a watch starts: change things once watching.
        events.await(InventoryEvent.SourceChanged.class, e -> e.status().message().endsWith(", live"), 0);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void editingTheVirtualServiceWeightsReportsTheNewTrafficShares() {
        int before = events.size();

        client.resources(VirtualService.class).inNamespace("serverless").withName("order-function").edit(vs -> {
            List<HTTPRouteDestination> route = vs.getSpec().getHttp().get(0).getRoute();
            route.get(0).setWeight(50);
            route.get(1).setWeight(50);
            return vs;
        });

        InventoryEvent.FunctionChanged changed = events.await(InventoryEvent.FunctionChanged.class,
                e -> e.function().name().equals("order-function")
                        && e.function().traffic().equals(List.of(new TrafficShare("order-function-v1", 50),
                        new TrafficShare("order-function-v2", 50))), before);
        assertThat(changed.function().platform()).isEqualTo(Platform.KUBERNETES);
        assertThat(changed.function().mesh().virtualServices()).containsExactly("serverless/order-function");
    }

    @Test
    void deletingAKnativeServiceReportsTheFunctionRemoved() {
        int before = events.size();

        client.resources(Service.class).inNamespace("serverless").withName("thumbnail").delete();

        InventoryEvent.FunctionRemoved removed = events.await(InventoryEvent.FunctionRemoved.class,
                e -> e.id().name().equals("thumbnail"), before);
        assertThat(removed.id().platform()).isEqualTo(Platform.KNATIVE);
        assertThat(removed.id().namespace()).isEqualTo("serverless");
        events.await(InventoryEvent.SourceChanged.class,
                e -> e.status().message().equals((SmallEstate.FUNCTIONS - 1) + " functions, live"), before);
    }

    @Test
    void aNewlyLabelledDeploymentAppearsAsAFunction() {
        int before = events.size();

        new ClusterFixtures(client).deployment("backend", "audit-log",
                java.util.Map.of("app", "audit-log", "meshdeck.dev/function", "true"), 1, 1, true);

        InventoryEvent.FunctionChanged added = events.await(InventoryEvent.FunctionChanged.class,
                e -> e.function().name().equals("audit-log"), before);
        assertThat(added.function().traffic()).containsExactly(new TrafficShare("audit-log", 100));
    }

    @Test
    void loadingReportsConnectingThenTheFunctionsThenConnected() {
        List<InventoryEvent> initial = events.events();

        assertThat(initial.get(0)).isInstanceOfSatisfying(InventoryEvent.SourceChanged.class, c -> assertThat(c.status())
                .extracting(SourceStatus::state, SourceStatus::message).containsExactly(SourceStatus.State.CONNECTING, "connecting"));
        // rows shown early, while the slower lists arrive, may come between; the whole load comes just before CONNECTED
        int connected = initial.indexOf(initial.stream().filter(e -> e instanceof InventoryEvent.SourceChanged c
                && c.status().state() != SourceStatus.State.CONNECTING).findFirst().orElseThrow());
        assertThat(initial.get(connected - 1)).isInstanceOfSatisfying(InventoryEvent.SourceLoaded.class,
                l -> assertThat(l.functions()).hasSize(SmallEstate.FUNCTIONS));
        assertThat(initial.get(connected)).isInstanceOfSatisfying(InventoryEvent.SourceChanged.class, c -> assertThat(c.status())
                .extracting(SourceStatus::state, SourceStatus::message)
                .containsExactly(SourceStatus.State.CONNECTED, SmallEstate.FUNCTIONS + " functions"));
    }
}
