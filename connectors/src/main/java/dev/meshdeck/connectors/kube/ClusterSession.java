package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Discovery of one kube context: its client, the functions last discovered there and, when live, one
 * informer per served kind whose changes re-discover the functions (debounced) and report what changed.
 */
final class ClusterSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSession.class);
    /** Bursts of changes (a rollout touches pods, endpoints and the Deployment) become one re-discovery. */
    static final Duration DEBOUNCE = Duration.ofMillis(100);

    private final SourceRef.KubeContext source;
    private final Kubeconfigs kubeconfigs;
    private final KubeCatalog.Options options;
    private final FunctionDiscovery discovery;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final Map<KubeKind<?>, SharedIndexInformer<? extends HasMetadata>> informers = new ConcurrentHashMap<>();
    private final AtomicBoolean rediscoveryPending = new AtomicBoolean();
    private volatile KubernetesClient client;
    private volatile Map<FunctionId, DiscoveredFunction> functions = Map.of();
    private volatile boolean watching;
    private volatile boolean closed;

    ClusterSession(SourceRef.KubeContext source, Kubeconfigs kubeconfigs, KubeCatalog.Options options,
                   ExecutorService executor, ScheduledExecutorService scheduler) {
        this.source = source;
        this.kubeconfigs = kubeconfigs;
        this.options = options;
        this.discovery = new FunctionDiscovery(options.labelRules());
        this.executor = executor;
        this.scheduler = scheduler;
    }

    SourceRef.KubeContext source() {
        return source;
    }

    private synchronized KubernetesClient client() {
        if (client == null) {
            client = kubeconfigs.newClient(source.context(), options.connectTimeout(), options.requestTimeout());
        }
        return client;
    }

    /**
     * Lists every kind once and discovers the functions; throws what {@link ConnectionFailure} describes.
     * While watching, the informers own the known functions and this list only answers the caller.
     */
    ClusterObjects discoverOnce() {
        ClusterObjects objects = ClusterReader.readAll(client(), executor);
        Map<FunctionId, DiscoveredFunction> found = discovery.discover(objects, source);
        if (!watching) {
            functions = found;
        }
        return objects;
    }

    List<ServerlessFunction> functions() {
        return functions.values().stream().map(DiscoveredFunction::function).toList();
    }

    /** Reports CONNECTING, then the functions and CONNECTED, or FAILED; when {@code live}, keeps watching. */
    void load(Consumer<InventoryEvent> listener, boolean live) {
        emit(listener, new InventoryEvent.SourceChanged(SourceStatus.connecting(source)));
        ClusterObjects objects;
        try {
            objects = discoverOnce();
        } catch (RuntimeException e) {
            String message = ConnectionFailure.describe(source, e);
            LOG.warn("{}", message);
            LOG.debug("discovery of context {} failed", source.context(), e);
            emit(listener, new InventoryEvent.SourceChanged(SourceStatus.failed(source, message)));
            return;
        }
        List<ServerlessFunction> found = functions();
        emit(listener, new InventoryEvent.SourceLoaded(source, found));
        emit(listener, new InventoryEvent.SourceChanged(SourceStatus.connected(source, countText(found.size()))));
        if (live && !closed) {
            watch(objects.absent(), listener);
        }
    }

    static String countText(int n) {
        return n + (n == 1 ? " function" : " functions");
    }

    private void watch(Set<KubeKind<?>> absent, Consumer<InventoryEvent> listener) {
        List<CompletableFuture<Void>> synced = new ArrayList<>();
        for (KubeKind<?> kind : KubeKind.ALL) {
            if (!absent.contains(kind)) {
                synced.add(inform(kind, listener));
            }
        }
        CompletableFuture.allOf(synced.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
            if (error == null) {
                LOG.debug("context {}: watching {} kinds", source.context(), synced.size());
                watching = true;
                if (!closed) {
                    // Objects may have changed between the first list and the informers' own list.
                    scheduler.execute(() -> rediscover(listener, true));
                }
            }
        });
    }

    private <T extends HasMetadata> CompletableFuture<Void> inform(KubeKind<T> kind, Consumer<InventoryEvent> listener) {
        SharedIndexInformer<T> informer = kind.operation(client()).inAnyNamespace().runnableInformer(0);
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                changed(listener);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                changed(listener);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                changed(listener);
            }
        });
        informers.put(kind, informer);
        informer.stopped().whenComplete((v, error) -> {
            if (error != null && !closed) {
                String message = "context " + source.context() + ": watching " + kind.resourceName()
                        + " stopped (" + error.getMessage() + "); showing the last known state, reconnect to refresh";
                LOG.warn("{}", message);
                emit(listener, new InventoryEvent.SourceChanged(new SourceStatus(source, SourceStatus.State.STALE, message)));
            }
        });
        return informer.start().toCompletableFuture();
    }

    private void changed(Consumer<InventoryEvent> listener) {
        if (watching && !closed && rediscoveryPending.compareAndSet(false, true)) {
            scheduler.schedule(() -> rediscover(listener, false), DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Re-discovers from the informers' caches and reports only the functions that changed or vanished, then
     * the new count ("13 functions, live") when it changed or when {@code announce} (watching just began).
     */
    private void rediscover(Consumer<InventoryEvent> listener, boolean announce) {
        rediscoveryPending.set(false);
        if (closed) {
            return;
        }
        Map<KubeKind<?>, List<? extends HasMetadata>> lists = new HashMap<>();
        Set<KubeKind<?>> absent = new HashSet<>(KubeKind.ALL);
        informers.forEach((kind, informer) -> {
            lists.put(kind, informer.getStore().list());
            absent.remove(kind);
        });
        Map<FunctionId, DiscoveredFunction> previous = functions;
        Map<FunctionId, DiscoveredFunction> current = discovery.discover(new ClusterObjects(lists, absent), source);
        functions = current;
        LOG.debug("context {}: re-discovered {} functions", source.context(), current.size());
        current.forEach((id, f) -> {
            DiscoveredFunction before = previous.get(id);
            if (before == null || !before.function().equals(f.function())) {
                emit(listener, new InventoryEvent.FunctionChanged(f.function()));
            }
        });
        previous.keySet().stream()
                .filter(id -> !current.containsKey(id))
                .forEach(id -> emit(listener, new InventoryEvent.FunctionRemoved(id)));
        if (announce || current.size() != previous.size()) {
            emit(listener, new InventoryEvent.SourceChanged(SourceStatus.connected(source, liveText(current.size()))));
        }
    }

    static String liveText(int functions) {
        return countText(functions) + ", live";
    }

    /**
     * The function's own objects and the mesh policies that apply to it: from the informers' caches while
     * watching (as current as the watch, milliseconds behind the server), else read fresh from the cluster,
     * discovering the context first when it has not been discovered yet.
     *
     * @throws IllegalStateException naming the context and server when the cluster cannot be read
     */
    List<MeshResource> resourcesOf(FunctionId id) {
        try {
            return readResourcesOf(id);
        } catch (RuntimeException e) {
            throw new IllegalStateException(ConnectionFailure.describe(source, unwrap(e)), e);
        }
    }

    private static Throwable unwrap(RuntimeException e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private List<MeshResource> readResourcesOf(FunctionId id) {
        DiscoveredFunction found = functions.get(id);
        if (found == null && !watching) {
            discoverOnce();
            found = functions.get(id);
        }
        if (found == null) {
            return List.of();
        }
        List<DiscoveredFunction.ObjectRef> refs = new ArrayList<>(found.ownObjects());
        MeshStatus mesh = found.function().mesh();
        addRefs(refs, KubeKind.VIRTUAL_SERVICES, mesh.virtualServices());
        addRefs(refs, KubeKind.DESTINATION_RULES, mesh.destinationRules());
        addRefs(refs, KubeKind.AUTHORIZATION_POLICIES, mesh.authorizationPolicies());
        addRefs(refs, KubeKind.PEER_AUTHENTICATIONS, mesh.peerAuthentications());
        addRefs(refs, KubeKind.REQUEST_AUTHENTICATIONS, mesh.requestAuthentications());

        if (watching) {
            // the informers hold every object discovery saw, kept current by their watches: no request per object
            return refs.stream().map(this::cached).filter(Objects::nonNull).toList();
        }
        KubernetesClient c = client();
        List<CompletableFuture<MeshResource>> reads = refs.stream()
                .map(ref -> CompletableFuture.supplyAsync(() -> read(c, ref), executor))
                .toList();
        return reads.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
    }

    /**
     * The ServiceEntries naming one of {@code hosts} and the VirtualServices routing those hosts: how the mesh
     * calls them. Empty when none does, or the cluster serves no Istio.
     */
    List<MeshResource> entriesFor(Set<String> hosts) {
        try {
            List<MeshResource> found = new ArrayList<>(naming(KubeKind.SERVICE_ENTRIES, hosts));
            if (!found.isEmpty()) {
                found.addAll(naming(KubeKind.VIRTUAL_SERVICES, hosts));
            }
            return found;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw new IllegalStateException(ConnectionFailure.describe(source, e), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(ConnectionFailure.describe(source, unwrap(e)), e);
        }
    }

    /** Objects of {@code kind} whose spec.hosts names one of {@code hosts}, from the informer when there is one. */
    private List<MeshResource> naming(KubeKind<?> kind, Set<String> hosts) {
        SharedIndexInformer<? extends HasMetadata> informer = informers.get(kind);
        List<? extends HasMetadata> objects = informer != null ? informer.getStore().list()
                : kind.operation(client()).inAnyNamespace().list().getItems();
        List<MeshResource> found = new ArrayList<>();
        for (HasMetadata object : objects) {
            GenericKubernetesResource generic = ResourceYaml.genericCopy(object);
            Object spec = generic.getAdditionalProperties().get("spec");
            Object named = spec instanceof Map<?, ?> m ? m.get("hosts") : null;
            if (named instanceof Collection<?> list && list.stream().anyMatch(h -> hosts.contains(String.valueOf(h)))) {
                found.add(new MeshResource(kind.kind(), generic.getMetadata().getNamespace(), generic.getMetadata().getName(),
                        ResourceYaml.of(generic), source));
            }
        }
        return found;
    }

    /** The object from its kind's informer cache (read from the server when the kind has none), null when gone. */
    private MeshResource cached(DiscoveredFunction.ObjectRef ref) {
        SharedIndexInformer<? extends HasMetadata> informer = informers.get(ref.kind());
        if (informer == null) {
            return read(client(), ref);
        }
        HasMetadata object = informer.getStore().getByKey(ref.namespace() + "/" + ref.name());
        return object == null ? null
                : new MeshResource(ref.kind().kind(), ref.namespace(), ref.name(), ResourceYaml.of(ResourceYaml.genericCopy(object)));
    }

    private static void addRefs(List<DiscoveredFunction.ObjectRef> refs, KubeKind<?> kind, List<String> qualifiedNames) {
        for (String qualified : qualifiedNames) {
            int slash = qualified.indexOf('/');
            refs.add(new DiscoveredFunction.ObjectRef(kind, qualified.substring(0, slash), qualified.substring(slash + 1)));
        }
    }

    /** The object's YAML, or null when it was deleted since discovery. */
    private static MeshResource read(KubernetesClient client, DiscoveredFunction.ObjectRef ref) {
        GenericKubernetesResource object = ref.kind().get(client, ref.namespace(), ref.name());
        return object == null ? null
                : new MeshResource(ref.kind().kind(), ref.namespace(), ref.name(), ResourceYaml.of(object));
    }

    private void emit(Consumer<InventoryEvent> listener, InventoryEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.error("inventory listener failed on {} from context {}", event.getClass().getSimpleName(), source.context(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        informers.values().forEach(SharedIndexInformer::close);
        KubernetesClient c;
        synchronized (this) {
            c = client;
        }
        if (c != null) {
            c.close();
        }
    }
}
