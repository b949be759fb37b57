package dev.meshdeck.connectors.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.InheritedPolicy;
import dev.meshdeck.core.inventory.InventoryFormat;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.PolicyKind;
import dev.meshdeck.core.inventory.PolicyScope;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.sandbox.kube.Estate;
import dev.meshdeck.sandbox.kube.KubeSandbox;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery reads the LISTs' JSON into {@link Listed} records instead of fabric8's typed models (#22): the rows
 * must be the ones the typed models gave.
 */
class ListedDiscoveryTest {

    private static final SourceRef.KubeContext SANDBOX = new SourceRef.KubeContext(KubeSandbox.CONTEXT, "sandbox", "");

    @TempDir
    Path dir;

    private KubeSandbox kube;
    private KubernetesClient client;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeEach
    void start() {
        kube = KubeSandbox.start(0);
        kube.seed(Estate.defaultEstate());
        client = Kubeconfigs.load(List.of(kube.writeKubeconfig(dir.resolve("kubeconfig")))).newClient(KubeSandbox.CONTEXT);
    }

    @AfterEach
    void stop() {
        client.close();
        kube.close();
        executor.shutdownNow();
    }

    /** The seed estate's rows as `meshdeck functions -o json` printed them before discovery read the stream. */
    @Test
    void theSeedEstateListsTheRowsTheTypedModelsGave() throws Exception {
        Map<FunctionId, DiscoveredFunction> found = discovery().discover(ClusterReader.readAll(client, executor), SANDBOX);

        String rows = InventoryFormat.JSON.render(found.values().stream().map(DiscoveredFunction::function)
                .sorted(dev.meshdeck.core.inventory.Inventory.ORDER).toList());
        ObjectMapper json = new ObjectMapper();
        try (InputStream before = getClass().getResourceAsStream("/kube/seed-functions.json")) {
            assertThat(json.readTree(rows)).isEqualTo(json.readTree(before));
        }
    }

    /** Every field discovery reads, on the seed grown by synthetic functions of every platform. */
    @Test
    void theStreamAndTheTypedModelsGiveTheSameFunctionsOnAGrownEstate() {
        kube.preload(Estate.synthetic(300));

        Map<FunctionId, DiscoveredFunction> streamed = discovery().discover(ClusterReader.readAll(client, executor), SANDBOX);
        Map<KubeKind<?>, List<? extends HasMetadata>> models = new HashMap<>();
        KubeKind.ALL.forEach(kind -> models.put(kind, kind.operation(client).inAnyNamespace().list().getItems()));
        Map<FunctionId, DiscoveredFunction> typed = discovery().discover(ClusterObjects.ofModels(models, Set.of()), SANDBOX);

        assertThat(streamed).hasSizeGreaterThan(300);
        assertThat(streamed).isEqualTo(typed);
    }

    /** The seed's namespace-wide client TLS rule and the mesh-wide mTLS reach functions that never name them. */
    @Test
    void namespaceAndMeshWidePoliciesAreInheritedAndTheNarrowestWins() {
        Map<FunctionId, DiscoveredFunction> found = discovery().discover(ClusterReader.readAll(client, executor), SANDBOX);
        Map<String, MeshStatus> mesh = new HashMap<>();
        found.values().forEach(f -> mesh.put(f.function().namespace() + "/" + f.function().name(), f.function().mesh()));

        assertThat(mesh.get("serverless/image-resize").inherited()).contains(new InheritedPolicy(
                PolicyKind.DESTINATION_RULE, "serverless/default", PolicyScope.NAMESPACE, Optional.empty()));
        assertThat(mesh.get("serverless/order-function").inherited()).contains(new InheritedPolicy(
                PolicyKind.DESTINATION_RULE, "serverless/default", PolicyScope.NAMESPACE, Optional.of("serverless/order-function")));
        assertThat(mesh.get("serverless/order-function").destinationRules()).containsExactly("serverless/order-function");
        assertThat(mesh.get("payments/payment-function").inherited()).contains(
                new InheritedPolicy(PolicyKind.PEER_AUTHENTICATION, "payments/default", PolicyScope.NAMESPACE, Optional.empty()),
                new InheritedPolicy(PolicyKind.PEER_AUTHENTICATION, "istio-system/default", PolicyScope.MESH,
                        Optional.of("payments/default")));
        assertThat(mesh.get("backend/inventory-function").inherited()).extracting(InheritedPolicy::ref)
                .doesNotContain("serverless/default");
    }

    private static FunctionDiscovery discovery() {
        return new FunctionDiscovery(FunctionLabelRules.DEFAULT);
    }
}
