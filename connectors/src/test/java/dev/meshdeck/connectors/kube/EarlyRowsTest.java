package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large estate's slow lists (pods, policies) do not hold back its functions: the window shows the rows as soon as
 * the kinds that say which functions exist are listed, and the policies attach when their list arrives (#22).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class EarlyRowsTest {

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    @Test
    void theFunctionsAreShownWhileAPolicyListIsHeldBackAndItsPoliciesAttachWhenItArrives() throws InterruptedException {
        SmallEstate.populate(new ClusterFixtures(client));
        HoldingProxy proxy = new HoldingProxy(client.getMasterUrl().toString());
        CountDownLatch release = proxy.hold(KubeKind.AUTHORIZATION_POLICIES.listPath());
        Path kubeconfig = new TestKubeconfig().context("dev", proxy.url()).writeTo(dir.resolve("config"));
        EventRecorder events = new EventRecorder();

        try (KubeCatalog catalog = new KubeCatalog(Kubeconfigs.load(List.of(kubeconfig)),
                KubeCatalog.Options.defaults().withEarlyRows())) {
            catalog.start(events, true);

            // every list but the held one in: every function, without its policy
            SourceStatus listing = events.await(InventoryEvent.SourceChanged.class,
                    e -> e.status().message().endsWith("listed 10 of 11 kinds"), 0).status();
            assertThat(release.getCount()).as("the policies are still held back").isEqualTo(1);
            assertThat(listing.state()).isEqualTo(SourceStatus.State.CONNECTING);
            assertThat(listing.message()).isEqualTo(SmallEstate.FUNCTIONS + " functions so far; listed 10 of 11 kinds");
            InventoryEvent.SourceLoaded early = events.await(InventoryEvent.SourceLoaded.class,
                    e -> e.functions().size() == SmallEstate.FUNCTIONS, 0);
            assertThat(orderFunction(early).mesh().authorizationPolicies()).isEmpty();

            int before = events.size();
            release.countDown();
            events.awaitState("dev", SourceStatus.State.CONNECTED, before, 60_000);
            InventoryEvent.SourceLoaded whole = events.events().subList(before, events.size()).stream()
                    .filter(InventoryEvent.SourceLoaded.class::isInstance).map(InventoryEvent.SourceLoaded.class::cast)
                    .reduce((first, second) -> second).orElseThrow();
            assertThat(whole.functions()).hasSize(SmallEstate.FUNCTIONS);
            assertThat(orderFunction(whole).mesh().authorizationPolicies()).containsExactly("serverless/order-function-allow");
        } finally {
            proxy.close();
        }
    }

    private static ServerlessFunction orderFunction(InventoryEvent.SourceLoaded loaded) {
        return loaded.functions().stream().filter(f -> f.name().equals("order-function")).findFirst().orElseThrow();
    }
}
