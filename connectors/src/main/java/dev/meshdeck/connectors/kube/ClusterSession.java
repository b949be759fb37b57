package dev.meshdeck.connectors.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.workloads.ConfigKey;
import dev.meshdeck.core.workloads.FunctionConfig;
import dev.meshdeck.core.workloads.RevealedValue;
import dev.meshdeck.core.workloads.FunctionEvent;
import dev.meshdeck.core.logs.LogLine;
import dev.meshdeck.core.logs.LogQuery;
import dev.meshdeck.core.logs.LogSource;
import dev.meshdeck.core.workloads.FunctionPod;
import dev.meshdeck.core.workloads.ServiceEndpoints;
import dev.meshdeck.core.workloads.RolloutHistory;
import dev.meshdeck.core.inventory.Inventory;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Discovery of one kube context: its client, the functions last discovered there and, when live, one
 * informer per served kind whose changes re-discover the functions (debounced) and report what changed.
 * <p>
 * When live it also keeps the context's health: anything heard (a watch event, an answer) proves it alive; when
 * nothing was heard for {@link #PROBE_EVERY}, a {@link ClusterProbe} asks. No answer makes the source STALE (its
 * functions stay, as of the last answer, and the informers stop retrying in the dark); rejected credentials make it
 * FAILED with a login hint; throttling or a failing server DEGRADED. When it answers again, every kind is listed
 * afresh and watched anew (whatever resourceVersion the old watches held, even one the server no longer knows —
 * 410 Gone — is not reused) and the functions that changed meanwhile are reported.
 */
final class ClusterSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSession.class);
    /** Bursts of changes (a rollout touches pods, endpoints and the Deployment) become one re-discovery. */
    static final Duration DEBOUNCE = Duration.ofMillis(100);
    /** With the probe's own timeout, a server that stopped answering is seen within about 4 s. */
    static final Duration PROBE_EVERY = Duration.ofMillis(1500);

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
    /** The informers' objects as last read for discovery, by identity; used on the scheduler thread only. */
    private Map<HasMetadata, Listed.Item> listedModels = new IdentityHashMap<>();
    private volatile boolean watching;
    private volatile boolean closed;
    private volatile Consumer<InventoryEvent> listener = event -> { };
    /** The last status reported; null before the first. */
    private SourceStatus status;
    private volatile Instant lastHeard;
    /** Set by a 429: no probe before then. */
    private volatile Instant quietUntil = Instant.EPOCH;
    /** Functions were listed once: silence then means stale data, not a context never reached. */
    private volatile boolean loaded;
    /** The first load found no server: load again when it answers. */
    private volatile boolean loadWhenAnswered;
    /** A watch ended or never started: list and watch anew at the next answer. */
    private volatile boolean rewatchWanted;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicBoolean rewatching = new AtomicBoolean();
    private volatile ScheduledFuture<?> probes;

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

    /** Builds the client now, on the catalog's threads: its class loading then overlaps the caller's own start. */
    void connectAhead() {
        executor.execute(() -> {
            try {
                synchronized (this) {
                    if (!closed) {
                        client(); // after close() nothing would close it
                    }
                }
            } catch (RuntimeException e) {
                // the first list builds it again and reports why it cannot
                LOG.debug("context {}: client not built ahead", source.context(), e);
            }
        });
    }

    private synchronized KubernetesClient client() {
        if (client == null) {
            client = kubeconfigs.newClient(source.context(), options.connectTimeout(), options.requestTimeout(), this::heard);
        }
        return client;
    }

    /**
     * Lists every kind once and discovers the functions; throws what {@link ConnectionFailure} describes.
     * While watching, the informers own the known functions and this list only answers the caller.
     */
    ClusterObjects discoverOnce() {
        return discover(ClusterReader.readAll(client(), executor));
    }

    private ClusterObjects discover(ClusterObjects objects) {
        Map<FunctionId, DiscoveredFunction> found = discovery.discover(objects, source);
        if (!watching) {
            functions = found;
        }
        return objects;
    }

    /**
     * In the inventory's order, sorted here rather than by the window's table on the UI thread: a sorted list
     * costs the table's sort one pass.
     */
    List<ServerlessFunction> functions() {
        return functions.values().stream().map(DiscoveredFunction::function).sorted(Inventory.ORDER).toList();
    }

    int functionCount() {
        return functions.size();
    }

    /**
     * Reports CONNECTING, then the functions and CONNECTED, or FAILED; when {@code live}, keeps watching and
     * probing (a context not reached at first is loaded when it answers).
     */
    void load(Consumer<InventoryEvent> listener, boolean live) {
        this.listener = listener;
        report(SourceStatus.State.CONNECTING, "connecting");
        ClusterObjects objects;
        try {
            objects = discover(live && options.earlyRows() ? listShowingEarlyRows() : ClusterReader.readAll(client(), executor));
        } catch (RuntimeException e) {
            String message = ConnectionFailure.describe(source, e);
            LOG.warn("{}", message);
            LOG.debug("discovery of context {} failed", source.context(), e);
            loadWhenAnswered = ConnectionFailure.isNoAnswer(e);
            report(SourceStatus.State.FAILED, message);
            if (live) {
                startProbes();
            }
            return;
        }
        heard();
        loaded = true;
        List<ServerlessFunction> found = functions();
        emit(new InventoryEvent.SourceLoaded(source, found));
        report(SourceStatus.State.CONNECTED, countText(found.size()));
        if (live && !closed) {
            watch(objects.absent(), () -> report(SourceStatus.State.CONNECTED, liveText(rediscover().size())));
            startProbes();
        }
    }

    private ClusterObjects listShowingEarlyRows() {
        EarlyRows early = new EarlyRows();
        try {
            return ClusterReader.readAll(client(), executor, early);
        } finally {
            early.finish();
        }
    }

    /**
     * The first load's lists as they arrive. Once a kind that says which functions exist is listed (Kubeless
     * Functions, Knative Services...), its rows are shown (CONNECTING still, saying how far the listing is), then
     * shown again as each other list (Deployments, pods, policies) arrives, until the whole load replaces them. At
     * most one early discovery runs at a time; lists that arrive meanwhile are taken by the next.
     */
    private final class EarlyRows implements BiConsumer<KubeKind<?>, List<? extends Listed.Item>> {
        private final Map<KubeKind<?>, List<? extends Listed.Item>> arrived = new ConcurrentHashMap<>();
        private final AtomicBoolean pending = new AtomicBoolean();
        /** The whole load is read: nothing early may be shown after it. Guarded by {@code this}. */
        private boolean finished;

        @Override
        public void accept(KubeKind<?> kind, List<? extends Listed.Item> items) {
            arrived.put(kind, items == null ? List.of() : items);
            if (arrived.keySet().stream().anyMatch(KubeKind.FUNCTION_KINDS::contains) && pending.compareAndSet(false, true)) {
                executor.execute(this::show);
            }
        }

        private void show() {
            pending.set(false);
            Map<KubeKind<?>, List<? extends Listed.Item>> listed = Map.copyOf(arrived);
            if (listed.size() == KubeKind.ALL.size() || isFinished()) {
                return; // the whole load shows them
            }
            Map<FunctionId, DiscoveredFunction> found = discovery.discover(new ClusterObjects(listed, Set.of()), source);
            synchronized (this) {
                if (finished || closed) {
                    return;
                }
                // a function's details asked for meanwhile are read for these, not by listing everything again
                functions = found;
                emit(new InventoryEvent.SourceLoaded(source, functions()));
                report(SourceStatus.State.CONNECTING, countText(found.size()) + " so far; listed " + listed.size()
                        + " of " + KubeKind.ALL.size() + " kinds");
            }
        }

        private synchronized boolean isFinished() {
            return finished;
        }

        synchronized void finish() {
            finished = true;
        }
    }

    static String countText(int n) {
        return n + (n == 1 ? " function" : " functions");
    }

    /** Starts one informer per served kind; once all have listed, {@code synced} runs on the scheduler. */
    private void watch(Set<KubeKind<?>> absent, Runnable synced) {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (KubeKind<?> kind : KubeKind.ALL) {
            if (!absent.contains(kind)) {
                started.add(inform(kind));
            }
        }
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
            if (error != null) {
                // the server went away while the informers listed: the probe sees it, the next answer watches anew
                rewatchWanted = true;
            } else if (!closed) {
                LOG.debug("context {}: watching {} kinds", source.context(), started.size());
                watching = true;
                // Objects may have changed between the first list and the informers' own list.
                scheduler.execute(synced);
            }
        });
    }

    private <T extends HasMetadata> CompletableFuture<Void> inform(KubeKind<T> kind) {
        SharedIndexInformer<T> informer = kind.operation(client()).inAnyNamespace().runnableInformer(0);
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                changed();
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                changed();
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                changed();
            }
        });
        informer.exceptionHandler((isStarted, failure) -> {
            // a failed watch or relist: ask the server now rather than at the next probe
            LOG.debug("context {}: watching {} failed", source.context(), kind.resourceName(), failure);
            scheduler.execute(() -> probe(true));
            // fabric8's own rule: retry a started informer unless the watch itself failed
            return isStarted && !(failure instanceof WatcherException);
        });
        informers.put(kind, informer);
        informer.stopped().whenComplete((v, error) -> {
            if (error != null && !closed && informers.get(kind) == informer) {
                // the probe tells a dead server (stale) from a watch that ended alone (listed and watched anew)
                LOG.warn("context {}: watching {} stopped ({}); listing again at the next answer", source.context(),
                        kind.resourceName(), error.getMessage());
                rewatchWanted = true;
                scheduler.execute(() -> probe(true));
            }
        });
        return informer.start().toCompletableFuture();
    }

    private void changed() {
        heard();
        if (watching && !closed && rediscoveryPending.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                Changes changes = rediscover();
                if (changes.countChanged()) {
                    report(SourceStatus.State.CONNECTED, liveText(changes.size()));
                }
            }, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** What one re-discovery found: how many functions came, changed or went, and how many there are now. */
    record Changes(int changed, int size, boolean countChanged) {
    }

    /** Re-discovers from the informers' caches and reports only the functions that changed or vanished. */
    private Changes rediscover() {
        rediscoveryPending.set(false);
        if (closed) {
            return new Changes(0, functions.size(), false);
        }
        Map<KubeKind<?>, List<? extends Listed.Item>> lists = new HashMap<>();
        Set<KubeKind<?>> absent = new HashSet<>(KubeKind.ALL);
        Map<HasMetadata, Listed.Item> read = new IdentityHashMap<>();
        informers.forEach((kind, informer) -> {
            lists.put(kind, informer.getStore().list().stream().map(o -> listed(kind, o, read)).toList());
            absent.remove(kind);
        });
        listedModels = read;
        Map<FunctionId, DiscoveredFunction> previous = functions;
        Map<FunctionId, DiscoveredFunction> current = discovery.discover(new ClusterObjects(lists, absent), source);
        functions = current;
        LOG.debug("context {}: re-discovered {} functions", source.context(), current.size());
        int changed = 0;
        for (Map.Entry<FunctionId, DiscoveredFunction> entry : current.entrySet()) {
            DiscoveredFunction before = previous.get(entry.getKey());
            if (before == null || !before.function().equals(entry.getValue().function())) {
                emit(new InventoryEvent.FunctionChanged(entry.getValue().function()));
                changed++;
            }
        }
        for (FunctionId id : previous.keySet()) {
            if (!current.containsKey(id)) {
                emit(new InventoryEvent.FunctionRemoved(id));
                changed++;
            }
        }
        return new Changes(changed, current.size(), current.size() != previous.size());
    }

    /** The object as discovery reads it; an informer replaces an object that changed, so one read per object. */
    private Listed.Item listed(KubeKind<?> kind, HasMetadata model, Map<HasMetadata, Listed.Item> read) {
        Listed.Item before = listedModels.get(model);
        Listed.Item item = before != null ? before : kind.listed(model);
        read.put(model, item);
        return item;
    }

    private void heard() {
        lastHeard = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private void startProbes() {
        if (!closed && probes == null) {
            probes = scheduler.scheduleWithFixedDelay(() -> probe(false), PROBE_EVERY.toMillis(), PROBE_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Asks the server unless something was heard within {@link #PROBE_EVERY} ({@code now}: a watch just failed, ask
     * anyway), one question at a time, none while backing off or while the first load runs.
     */
    private void probe(boolean now) {
        Instant at = Instant.now();
        SourceStatus.State state = state();
        boolean heardLately = lastHeard != null && lastHeard.isAfter(at.minus(PROBE_EVERY));
        if (closed || state == SourceStatus.State.CONNECTING || at.isBefore(quietUntil)
                || (!now && heardLately && state == SourceStatus.State.CONNECTED)) {
            return;
        }
        if (probing.compareAndSet(false, true)) {
            // While the informers make their first lists, a loaded server may not send a byte for seconds (it
            // builds a 13 MB answer first): the probe then waits as long as a list may. A server that refuses or
            // drops connections is still seen at once.
            boolean syncing = !watching && !informers.isEmpty();
            ClusterProbe.ask(client(), syncing ? options.requestTimeout() : ClusterProbe.TIMEOUT).whenComplete((outcome, error) -> {
                probing.set(false);
                if (!closed) {
                    heardFrom(busy(outcome, at) ? new ClusterProbe.Answered() : outcome);
                }
            });
        }
    }

    /**
     * No answer to the probe, but answers to other requests arrived meanwhile: the server is alive, busy sending
     * (informers relisting 40 MB queue the probe behind them on a loaded machine), not gone.
     */
    private boolean busy(ClusterProbe.Outcome outcome, Instant asked) {
        Instant heard = lastHeard;
        boolean busy = outcome instanceof ClusterProbe.Unreachable && heard != null && !heard.isBefore(asked);
        if (busy) {
            LOG.debug("context {}: no answer to the probe, but answers arriving: busy, not stale", source.context());
        }
        return busy;
    }

    private void heardFrom(ClusterProbe.Outcome outcome) {
        if (outcome instanceof ClusterProbe.Answered || outcome instanceof ClusterProbe.Unwell) {
            heard();
        }
        if (outcome instanceof ClusterProbe.Answered) {
            answered();
        } else if (outcome instanceof ClusterProbe.Rejected r) {
            stopWatching();
            report(SourceStatus.State.FAILED, ConnectionFailure.rejected(source, r.code()));
        } else if (outcome instanceof ClusterProbe.Throttled t) {
            quietUntil = Instant.now().plus(t.backoff());
            report(SourceStatus.State.DEGRADED, ConnectionFailure.throttled(source, t.backoff()));
        } else if (outcome instanceof ClusterProbe.Unwell u) {
            report(SourceStatus.State.DEGRADED, ConnectionFailure.unwell(source, u.code()));
        } else if (outcome instanceof ClusterProbe.Unreachable u) {
            String message = ConnectionFailure.describe(source, u.cause());
            if (loaded) {
                stopWatching();
                if (state() != SourceStatus.State.STALE) {
                    LOG.warn("{}; what it said last is kept, marked stale, until it answers", message);
                }
                report(SourceStatus.State.STALE, message);
            } else if (loadWhenAnswered) {
                report(SourceStatus.State.FAILED, message);
            }
        }
    }

    /** The server answers: load what was never loaded, relist what went stale, or say it is well again. */
    private void answered() {
        SourceStatus.State state = state();
        if (!loaded) {
            if (loadWhenAnswered) {
                loadWhenAnswered = false;
                executor.execute(() -> load(listener, true));
            }
        } else if (rewatchWanted || state == SourceStatus.State.STALE || state == SourceStatus.State.FAILED) {
            rewatch();
        } else if (state == SourceStatus.State.DEGRADED) {
            report(SourceStatus.State.CONNECTED, liveText(functions.size()));
        }
    }

    /** Lists and watches every kind anew, then reports what changed while the source was away. */
    private void rewatch() {
        if (!rewatching.compareAndSet(false, true)) {
            return;
        }
        rewatchWanted = false;
        stopWatching();
        executor.execute(() -> {
            try {
                ClusterObjects objects = ClusterReader.readAll(client(), executor);
                heard();
                watch(objects.absent(), () -> {
                    Changes changes = rediscover();
                    rewatching.set(false);
                    String message = Inventory.reconnected(changes.changed(), liveText(changes.size()));
                    LOG.info("context {}: {}", source.context(), message);
                    report(SourceStatus.State.CONNECTED, message);
                });
            } catch (RuntimeException e) {
                // gone again before the list finished: the next answer tries again
                LOG.debug("context {}: relisting failed", source.context(), e);
                rewatchWanted = true;
                rewatching.set(false);
            }
        });
    }

    /** Stops the informers (they would retry in the dark); the functions they found stay, as of the last answer. */
    private void stopWatching() {
        watching = false;
        List<SharedIndexInformer<? extends HasMetadata>> stopping = List.copyOf(informers.values());
        informers.clear();
        stopping.forEach(SharedIndexInformer::close);
    }

    private synchronized SourceStatus.State state() {
        return status == null ? SourceStatus.State.CONNECTING : status.state();
    }

    /** Reports a state, keeping its {@code since} while the state stays and saying nothing when nothing changed. */
    private synchronized void report(SourceStatus.State state, String message) {
        if (status != null && status.state() == state && status.message().equals(message)) {
            return;
        }
        Instant since = status != null && status.state() == state ? status.since() : Instant.now().truncatedTo(ChronoUnit.MILLIS);
        status = new SourceStatus(source, state, message, since, lastHeard);
        emit(new InventoryEvent.SourceChanged(status));
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
        return reading(() -> readResourcesOf(id));
    }

    /** A read for the user: a failure becomes one message naming the context and what went wrong. */
    private <T> T reading(Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException(ConnectionFailure.describe(source, unwrap(e)), e);
        }
    }

    /** The function as discovery last found it; discovered now when nothing watches the context. Null if absent. */
    private DiscoveredFunction discovered(FunctionId id) {
        DiscoveredFunction found = functions.get(id);
        if (found == null && !watching) {
            discoverOnce();
            found = functions.get(id);
        }
        return found;
    }

    /** The function's pods as discovery found them, read fresh (from the informers' caches when watching). */
    List<FunctionPod> podsOf(FunctionId id) {
        return reading(() -> {
            DiscoveredFunction found = discovered(id);
            if (found == null) {
                return List.of();
            }
            SharedIndexInformer<? extends HasMetadata> informer = informers.get(KubeKind.PODS);
            KubernetesClient c = client();
            return found.pods().stream()
                    .map(ref -> informer != null ? (Pod) informer.getStore().getByKey(ref.namespace() + "/" + ref.name())
                            : c.pods().inNamespace(ref.namespace()).withName(ref.name()).get())
                    .filter(Objects::nonNull).map(FunctionPods::of).toList();
        });
    }

    /**
     * The Endpoints of the function's namespace with an address (ready or not) on one of its pods, read fresh
     * (from the informer's cache when watching).
     */
    List<ServiceEndpoints> endpointsOf(FunctionId id) {
        return reading(() -> {
            DiscoveredFunction found = discovered(id);
            if (found == null) {
                return List.of();
            }
            Set<String> pods = new HashSet<>();
            found.pods().forEach(ref -> pods.add(ref.name()));
            SharedIndexInformer<? extends HasMetadata> informer = informers.get(KubeKind.ENDPOINTS);
            List<Endpoints> all = informer != null
                    ? informer.getStore().list().stream().map(Endpoints.class::cast)
                            .filter(e -> id.namespace().equals(e.getMetadata().getNamespace())).toList()
                    : client().endpoints().inNamespace(id.namespace()).list().getItems();
            return all.stream().map(FunctionPods::endpoints)
                    .filter(e -> Stream.concat(e.ready().stream(), e.notReady().stream()).anyMatch(a -> pods.contains(a.pod())))
                    .sorted(Comparator.comparing(ServiceEndpoints::service)).toList();
        });
    }

    /** The logs of the function's pods (see {@link PodLogReader}); following goes on after this returns. */
    LogSource.LogFeed logsOf(FunctionId id, LogQuery query, Consumer<List<LogLine>> sink) {
        List<FunctionPod> pods = podsOf(id);
        return reading(() -> PodLogReader.open(client(), pods, query, sink));
    }

    /** One of the function's pods as it is now, as YAML; empty when the pod is not the function's or is gone. */
    Optional<MeshResource> podOf(FunctionId id, String podName) {
        return reading(() -> {
            DiscoveredFunction found = discovered(id);
            return found == null ? Optional.<MeshResource>empty() : found.pods().stream()
                    .filter(ref -> ref.name().equals(podName)).findFirst()
                    .map(ref -> read(client(), ref));
        });
    }

    /** The context's Gateways with the VirtualServices bound to them, read fresh. */
    List<IngressGateway> gateways() {
        return reading(() -> GatewayListing.read(client(), source));
    }

    /** The names of the namespace's Secrets a gateway server can name as its credential. */
    List<String> tlsSecretsIn(String namespace) {
        return reading(() -> GatewayListing.tlsSecrets(client(), namespace));
    }

    /** The events of the function's own objects and pods, in incident order (warnings first, newest first). */
    List<FunctionEvent> eventsOf(FunctionId id) {
        return reading(() -> {
            DiscoveredFunction found = discovered(id);
            if (found == null) {
                return List.of();
            }
            Set<String> objects = new HashSet<>();
            Stream.concat(found.ownObjects().stream(), found.pods().stream())
                    .forEach(ref -> objects.add(ref.kind().kind() + " " + ref.name()));
            return client().v1().events().inNamespace(id.namespace()).list().getItems().stream()
                    .map(e -> FunctionPods.event(e, objects)).flatMap(Optional::stream)
                    .sorted(FunctionEvent.INCIDENT_ORDER).toList();
        });
    }

    /**
     * The revisions of the function's Deployments, read fresh from the ReplicaSets of their namespace (one list
     * per namespace), as {@code kubectl rollout history} shows them.
     */
    List<RolloutHistory> revisionsOf(FunctionId id) {
        return reading(() -> {
            DiscoveredFunction found = discovered(id);
            if (found == null) {
                return List.of();
            }
            KubernetesClient c = client();
            Map<String, List<JsonNode>> replicaSets = new HashMap<>();
            List<RolloutHistory> histories = new ArrayList<>();
            for (DiscoveredFunction.ObjectRef ref : found.ownObjects()) {
                if (ref.kind() != KubeKind.DEPLOYMENTS) {
                    continue;
                }
                Deployment deployment = c.apps().deployments().inNamespace(ref.namespace()).withName(ref.name()).get();
                if (deployment != null) {
                    List<JsonNode> sets = replicaSets.computeIfAbsent(ref.namespace(), ns -> c.apps().replicaSets()
                            .inNamespace(ns).list().getItems().stream()
                            .map(rs -> (JsonNode) Serialization.jsonMapper().valueToTree(rs)).toList());
                    histories.add(RolloutHistory.of(Serialization.jsonMapper().valueToTree(deployment), sets));
                }
            }
            return histories;
        });
    }

    /**
     * The function's configuration read fresh: its workloads' env, envFrom, mounts and resources, with the ConfigMaps
     * and Secrets they name (of a Secret only its key names), and the problems found in it.
     */
    FunctionConfig configOf(FunctionId id) {
        return reading(() -> {
            DiscoveredFunction found = discovered(id);
            return found == null ? new FunctionConfig(List.of(), List.of()) : FunctionConfigs.read(client(), found);
        });
    }

    /** One ConfigMap or Secret value of the function's namespace, read now for a person who asked to see it. */
    Optional<RevealedValue> reveal(FunctionId id, ConfigKey key) {
        if (!key.namespace().equals(id.namespace())) {
            throw new IllegalArgumentException(key.kind().kind() + " " + key.name() + " is not in the namespace of " + id.name());
        }
        return reading(() -> FunctionConfigs.reveal(client(), key));
    }

    private static Throwable unwrap(RuntimeException e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private List<MeshResource> readResourcesOf(FunctionId id) {
        DiscoveredFunction found = discovered(id);
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

    private void emit(InventoryEvent event) {
        if (closed) {
            return;
        }
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.error("inventory listener failed on {} from context {}", event.getClass().getSimpleName(), source.context(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> p = probes;
        if (p != null) {
            p.cancel(false);
        }
        stopWatching();
        KubernetesClient c;
        synchronized (this) {
            c = client;
        }
        if (c != null) {
            c.close();
        }
    }
}
