package dev.meshdeck.connectors.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Lists every {@link KubeKind} of one cluster in parallel, one call per kind across all namespaces. */
final class ClusterReader {

    private ClusterReader() {
    }

    /**
     * @throws ListFailure the first failure other than "kind not served" (404): the cluster is unreachable,
     *                     credentials are rejected, or listing a kind is forbidden
     */
    static ClusterObjects readAll(KubernetesClient client, Executor executor) {
        Map<KubeKind<?>, CompletableFuture<List<? extends HasMetadata>>> calls = new HashMap<>();
        for (KubeKind<?> kind : KubeKind.ALL) {
            calls.put(kind, CompletableFuture.supplyAsync(() -> listOrNull(client, kind), executor));
        }
        Map<KubeKind<?>, List<? extends HasMetadata>> lists = new HashMap<>();
        Set<KubeKind<?>> absent = new HashSet<>();
        try {
            CompletableFuture.allOf(calls.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            calls.values().forEach(c -> c.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        calls.forEach((kind, call) -> {
            List<? extends HasMetadata> items = call.join();
            if (items == null) {
                absent.add(kind);
            } else {
                lists.put(kind, items);
            }
        });
        return new ClusterObjects(lists, absent);
    }

    /** The kind's objects in all namespaces, or null when the cluster does not serve the kind. */
    private static List<? extends HasMetadata> listOrNull(KubernetesClient client, KubeKind<?> kind) {
        try {
            return kind.operation(client).inAnyNamespace().list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return null;
            }
            throw new ListFailure(kind, e);
        }
    }

    /** Listing one kind failed for a reason other than the kind being absent. */
    static final class ListFailure extends RuntimeException {
        private final transient KubeKind<?> kind;

        ListFailure(KubeKind<?> kind, KubernetesClientException cause) {
            super("cannot list " + kind.resourceName(), cause);
            this.kind = kind;
        }

        KubeKind<?> kind() {
            return kind;
        }

        @Override
        public synchronized KubernetesClientException getCause() {
            return (KubernetesClientException) super.getCause();
        }
    }
}
