package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.SourceStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server busy sending a long answer is alive: its health probe, queued behind the answer, may time out, but the
 * context does not go stale while the answer keeps arriving (#22: at 10,000 functions the informers' lists outlasted
 * the 2 s probe).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class BusyClusterTest {

    /** Longer than the probe's interval and timeout together: without the answer's bytes the context would be stale. */
    private static final Duration LONG_ANSWER = Duration.ofSeconds(8);

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    @Test
    void aContextStaysLiveWhileALongAnswerArrivesThoughTheProbeGetsNoAnswer() {
        SmallEstate.populate(new ClusterFixtures(client));
        try (HoldingProxy proxy = new HoldingProxy(client.getMasterUrl().toString())) {
            Path kubeconfig = new TestKubeconfig().context("dev", proxy.url()).writeTo(dir.resolve("config"));
            EventRecorder events = new EventRecorder();
            try (KubeCatalog catalog = new KubeCatalog(Kubeconfigs.load(List.of(kubeconfig)))) {
                catalog.start(events, true);
                events.await(InventoryEvent.SourceChanged.class, e -> e.status().message().endsWith(", live"), 0);

                proxy.hold("/readyz");
                proxy.trickle("/api/v1/namespaces/serverless/events", LONG_ANSWER);
                int before = events.size();
                FunctionId order = ((InventoryEvent.SourceLoaded) events.await(InventoryEvent.SourceLoaded.class, e -> true, 0))
                        .functions().stream().map(f -> f.id()).filter(id -> id.name().equals("order-function")
                                && id.platform() == Platform.KUBERNETES).findFirst().orElseThrow();
                catalog.eventsOf(order);
                int after = events.size();

                assertThat(events.events().subList(before, after)).as("no state but live while the answer arrived")
                        .noneMatch(e -> e instanceof InventoryEvent.SourceChanged c && c.status().state() != SourceStatus.State.CONNECTED);
                // once nothing arrives, the unanswered probe tells
                events.awaitState("dev", SourceStatus.State.STALE, after, 10_000);
            }
        }
    }

    @Test
    void aContextStaysLiveWhileTheInformersWaitForTheirFirstListThoughTheProbeGetsNoAnswer() {
        SmallEstate.populate(new ClusterFixtures(client));
        try (HoldingProxy proxy = new HoldingProxy(client.getMasterUrl().toString())) {
            Path kubeconfig = new TestKubeconfig().context("dev", proxy.url()).writeTo(dir.resolve("config"));
            EventRecorder events = new EventRecorder();
            List<CountDownLatch> holds = new CopyOnWriteArrayList<>();
            Consumer<InventoryEvent> listener = e -> {
                // on the session's thread, before its informers list: a server slow to answer their first list
                if (holds.isEmpty() && e instanceof InventoryEvent.SourceChanged c && c.status().state() == SourceStatus.State.CONNECTED) {
                    holds.add(proxy.hold(KubeKind.PODS.listPath()));
                    holds.add(proxy.hold("/readyz"));
                }
                events.accept(e);
            };
            try (KubeCatalog catalog = new KubeCatalog(Kubeconfigs.load(List.of(kubeconfig)))) {
                catalog.start(listener, true);
                events.awaitState("dev", SourceStatus.State.CONNECTED, 0, 60_000);

                assertThatThrownBy(() -> events.awaitState("dev", SourceStatus.State.STALE, 0, LONG_ANSWER.toMillis()))
                        .as("not stale while the informers' first list is on its way").isInstanceOf(AssertionError.class);

                holds.forEach(CountDownLatch::countDown);
                events.await(InventoryEvent.SourceChanged.class, e -> e.status().message().endsWith(", live"), 0);
            }
        }
    }
}
