package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.Inventory;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.sandbox.kube.Estate;
import dev.meshdeck.sandbox.kube.KubeSandbox;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live context's health follows its API server: silence is seen within seconds, the data stays with its age, and
 * the context reconnects by itself when the server answers again (issue #23).
 */
@EnableKubernetesMockClient(crud = true)
class ClusterHealthTest {

    /** The promises: stale within 5 s of the server stopping, connected within 20 s of its return. */
    private static final long STALE_WITHIN_MILLIS = 5_000;
    private static final long RECONNECTED_WITHIN_MILLIS = 20_000;

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    private final List<KubeCatalog> opened = new ArrayList<>();

    @Test
    void aStoppedApiServerMakesTheContextStaleAndItsReturnReconnectsWithTheChangesMadeMeanwhile() {
        KubeSandbox first = KubeSandbox.start(0);
        int port = first.port();
        first.preload(Estate.defaultEstate());
        Path kubeconfig = first.writeKubeconfig(dir.resolve("kubeconfig"));
        EventRecorder events = new EventRecorder();
        Inventory inventory = new Inventory();
        KubeSandbox second = null;
        try (KubeCatalog catalog = new KubeCatalog(Kubeconfigs.load(List.of(kubeconfig)))) {
            catalog.start(e -> {
                inventory.apply(e);
                events.accept(e);
            }, true);
            events.await(InventoryEvent.SourceChanged.class, e -> e.status().message().endsWith(", live"), 0);
            int listed = inventory.functions().size();

            int beforeStop = events.size();
            first.close();
            SourceStatus stale = events.awaitState(KubeSandbox.CONTEXT, SourceStatus.State.STALE, beforeStop, STALE_WITHIN_MILLIS);

            assertThat(stale.message()).startsWith("context meshdeck-sandbox: cannot ").contains(first.url());
            assertThat(stale.lastHeard()).isNotNull().isBeforeOrEqualTo(stale.since());
            assertThat(inventory.functions()).as("the last known functions stay, as of the last answer").hasSize(listed);
            assertThat(stale.writeRefusal()).hasValueSatisfying(r -> assertThat(r).contains("is not answering"));

            // the server comes back on the same port, and someone changed the canary meanwhile
            int beforeReturn = events.size();
            second = KubeSandbox.start(port);
            second.preload(Estate.defaultEstate());
            second.client().resources(VirtualService.class).inNamespace("serverless").withName("order-function").edit(vs -> {
                List<HTTPRouteDestination> route = vs.getSpec().getHttp().get(0).getRoute();
                route.get(0).setWeight(50);
                route.get(1).setWeight(50);
                return vs;
            });

            SourceStatus back = events.awaitState(KubeSandbox.CONTEXT, SourceStatus.State.CONNECTED, beforeReturn,
                    RECONNECTED_WITHIN_MILLIS);
            assertThat(back.message()).matches("reconnected; \\d+ changes? while away \\(\\d+ functions, live\\)");
            InventoryEvent.FunctionChanged canary = events.await(InventoryEvent.FunctionChanged.class,
                    e -> e.function().name().equals("order-function") && e.function().traffic().stream()
                            .allMatch(t -> t.percent() == 50), beforeReturn, RECONNECTED_WITHIN_MILLIS);
            assertThat(canary.function().traffic()).extracting(TrafficShare::percent).containsExactly(50.0, 50.0);
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void expiredCredentialsFailTheContextWithALoginHint() {
        EventRecorder events = startLive();
        int before = events.size();

        server.expect().get().withPath("/readyz")
                .andReturn(401, new StatusBuilder().withCode(401).withReason("Unauthorized").withMessage("Unauthorized").build())
                .always();

        SourceStatus failed = events.awaitState("dev", SourceStatus.State.FAILED, before, STALE_WITHIN_MILLIS);
        assertThat(failed.message()).startsWith("context dev: " + client.getMasterUrl().toString().replaceAll("/$", "")
                + " rejected the credentials (401 Unauthorized): log in again");
        assertThat(failed.message()).contains("MeshDeck reconnects by itself").doesNotContain("secret-token");
    }

    @Test
    void throttlingDegradesTheContextSayingHowLongItBacksOff() {
        EventRecorder events = startLive();
        int before = events.size();

        server.expect().get().withPath("/readyz").andReturn(429, "{}").withHeader("Retry-After", "7").always();

        SourceStatus degraded = events.awaitState("dev", SourceStatus.State.DEGRADED, before, STALE_WITHIN_MILLIS);
        assertThat(degraded.message()).isEqualTo(
                "context dev: the API server is throttling MeshDeck (429 Too Many Requests); backing off 7 s");
        assertThat(degraded.writeRefusal()).as("a throttling server still answers").isEmpty();
    }

    private EventRecorder startLive() {
        SmallEstate.populate(new ClusterFixtures(client));
        Path kubeconfig = new TestKubeconfig().context("dev", client.getMasterUrl().toString()).writeTo(dir.resolve("config"));
        EventRecorder events = new EventRecorder();
        KubeCatalog catalog = new KubeCatalog(Kubeconfigs.load(List.of(kubeconfig)));
        opened.add(catalog);
        catalog.start(events, true);
        events.await(InventoryEvent.SourceChanged.class, e -> e.status().message().endsWith(", live"), 0);
        return events;
    }

    @AfterEach
    void closeCatalogs() {
        opened.forEach(KubeCatalog::close);
    }
}
