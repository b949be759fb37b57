package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.gateways.GatewaySource;
import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.FunctionCatalog;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.logs.LogLine;
import dev.meshdeck.core.logs.LogQuery;
import dev.meshdeck.core.logs.LogSource;
import dev.meshdeck.core.workloads.ConfigKey;
import dev.meshdeck.core.workloads.ConfigSource;
import dev.meshdeck.core.workloads.FunctionConfig;
import dev.meshdeck.core.workloads.RevealedValue;
import dev.meshdeck.core.workloads.FunctionEvent;
import dev.meshdeck.core.workloads.FunctionPod;
import dev.meshdeck.core.workloads.ServiceEndpoints;
import dev.meshdeck.core.workloads.RolloutHistory;
import dev.meshdeck.core.workloads.WorkloadSource;
import dev.meshdeck.core.inventory.Inventory;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Functions of every kube context of the kubeconfig files: Knative Services, OpenFaaS and Kubeless Functions and
 * labelled Deployments, with the Istio policies that govern them. Contexts are discovered in parallel on this
 * catalog's own threads; listeners are called on those threads.
 */
public final class KubeCatalog implements FunctionCatalog, WorkloadSource, ConfigSource, LogSource, GatewaySource {

    private static final Logger LOG = LoggerFactory.getLogger(KubeCatalog.class);

    /**
     * @param labelRules     which plain Deployments are functions
     * @param contexts       the contexts to discover; empty means every context of the kubeconfig files
     * @param connectTimeout how long to wait for a cluster to accept a connection
     * @param requestTimeout how long one list call may take
     * @param earlyRows      a live start reports a context's functions as soon as the kinds that define them are
     *                       listed, and again as each slower list arrives (the window); otherwise once, complete
     */
    public record Options(FunctionLabelRules labelRules, Set<String> contexts, Duration connectTimeout,
                          Duration requestTimeout, boolean earlyRows) {

        public Options {
            contexts = Set.copyOf(contexts);
        }

        public static Options defaults() {
            return new Options(FunctionLabelRules.DEFAULT, Set.of(), Kubeconfigs.DEFAULT_CONNECT_TIMEOUT,
                    Kubeconfigs.DEFAULT_REQUEST_TIMEOUT, false);
        }

        public Options withLabelRules(FunctionLabelRules rules) {
            return new Options(rules, contexts, connectTimeout, requestTimeout, earlyRows);
        }

        public Options withContexts(Set<String> names) {
            return new Options(labelRules, names, connectTimeout, requestTimeout, earlyRows);
        }

        public Options withTimeouts(Duration connect, Duration request) {
            return new Options(labelRules, contexts, connect, request, earlyRows);
        }

        public Options withEarlyRows() {
            return new Options(labelRules, contexts, connectTimeout, requestTimeout, true);
        }
    }

    private final Kubeconfigs kubeconfigs;
    private final List<String> problems = new ArrayList<>();
    private final List<ClusterSession> sessions = new ArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads("meshdeck-kube"));
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("meshdeck-kube-watch"));
    private final AtomicBoolean started = new AtomicBoolean();

    public KubeCatalog(Kubeconfigs kubeconfigs) {
        this(kubeconfigs, Options.defaults());
    }

    public KubeCatalog(Kubeconfigs kubeconfigs, Options options) {
        this.kubeconfigs = kubeconfigs;
        problems.addAll(kubeconfigs.problems());
        List<SourceRef.KubeContext> all = kubeconfigs.contexts();
        for (String wanted : options.contexts()) {
            if (all.stream().noneMatch(c -> c.context().equals(wanted))) {
                problems.add("context " + wanted + " is not defined in the kubeconfig files " + kubeconfigs.files()
                        + ": check the name with `kubectl config get-contexts`");
            }
        }
        for (SourceRef.KubeContext context : all) {
            if (options.contexts().isEmpty() || options.contexts().contains(context.context())) {
                sessions.add(new ClusterSession(context, kubeconfigs, options, executor, scheduler));
            }
        }
    }

    /** The kube contexts this catalog discovers, known before any connection. */
    @Override
    public List<SourceRef> sources() {
        return sessions.stream().<SourceRef>map(ClusterSession::source).toList();
    }

    /**
     * Builds each context's client in the background (fabric8 and Vert.x take a while to load) so that a caller
     * with other work to do first (AWS detection) does not wait for it later.
     */
    public void connectAhead() {
        sessions.forEach(ClusterSession::connectAhead);
    }

    /** Kubeconfig files that could not be loaded and unknown contexts asked for. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Reports kubeconfig problems, then per context CONNECTING, then SourceLoaded and CONNECTED ("13 functions")
     * or FAILED naming the context and server. With {@code live}, keeps one informer per kind and reports
     * FunctionChanged/FunctionRemoved as objects change.
     *
     * @throws IllegalStateException when called twice
     */
    @Override
    public void start(Consumer<InventoryEvent> listener, boolean live) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("this KubeCatalog is already started");
        }
        executor.execute(() -> problems.forEach(p -> listener.accept(new InventoryEvent.Problem(p))));
        sessions.forEach(s -> executor.execute(() -> s.load(listener, live)));
    }

    /**
     * Discovers every context once, in parallel, and waits for all of them (for the CLI). An unreachable
     * context fails within the connect timeout and is reported in {@link KubeListing#sources()}.
     */
    public KubeListing listOnce() {
        List<CompletableFuture<SourceStatus>> calls = sessions.stream()
                .map(s -> CompletableFuture.supplyAsync(() -> listOne(s), executor))
                .toList();
        List<SourceStatus> statuses = calls.stream().map(CompletableFuture::join).toList();
        List<ServerlessFunction> functions = new ArrayList<>();
        sessions.forEach(s -> functions.addAll(s.functions()));
        functions.sort(Inventory.ORDER);
        return new KubeListing(functions, statuses, problems);
    }

    private static SourceStatus listOne(ClusterSession session) {
        try {
            session.discoverOnce();
            return SourceStatus.connected(session.source(), ClusterSession.countText(session.functionCount()));
        } catch (RuntimeException e) {
            String message = ConnectionFailure.describe(session.source(), e);
            LOG.warn("{}", message);
            return SourceStatus.failed(session.source(), message);
        }
    }

    /**
     * The function's own objects (Knative Service, OpenFaaS/Kubeless Function, Deployments) followed by the
     * VirtualServices, DestinationRules, AuthorizationPolicies, PeerAuthentications and RequestAuthentications
     * that apply to it, read fresh, as YAML without managedFields. Blocks on the network.
     *
     * @return empty when the function is not (or no longer) found
     */
    @Override
    public List<MeshResource> resourcesOf(FunctionId id) {
        return sessions.stream()
                .filter(s -> s.source().equals(id.source()))
                .findFirst()
                .map(s -> s.resourcesOf(id))
                .orElse(List.of());
    }

    /**
     * The pods that run the function, each with its version, readiness, restarts and why it last stopped. Blocks
     * on the network unless the context is watched.
     *
     * @throws IllegalStateException with a message for the user when the context cannot be read
     */
    @Override
    public boolean covers(FunctionId id) {
        return sessions.stream().anyMatch(s -> s.source().equals(id.source()));
    }

    @Override
    public List<FunctionPod> podsOf(FunctionId id) {
        return sessions.stream().filter(s -> s.source().equals(id.source())).findFirst()
                .map(s -> s.podsOf(id)).orElse(List.of());
    }

    @Override
    public List<ServiceEndpoints> endpointsOf(FunctionId id) {
        return sessions.stream().filter(s -> s.source().equals(id.source())).findFirst()
                .map(s -> s.endpointsOf(id)).orElse(List.of());
    }

    /** The logs of the function's pods, merged by time. Blocks on the network until the history is delivered. */
    @Override
    public LogFeed open(FunctionId id, LogQuery query, Consumer<List<LogLine>> sink) {
        return sessions.stream().filter(s -> s.source().equals(id.source())).findFirst()
                .map(s -> s.logsOf(id, query, sink)).orElse(LogFeed.DONE);
    }

    @Override
    public Optional<MeshResource> podOf(FunctionId id, String podName) {
        return sessions.stream().filter(s -> s.source().equals(id.source())).findFirst()
                .flatMap(s -> s.podOf(id, podName));
    }

    /**
     * The Gateways of every context, each with the VirtualServices bound to it. Blocks on the network.
     *
     * @throws IllegalStateException naming the first context that cannot be read
     */
    public List<IngressGateway> gateways() {
        return sessions.stream().flatMap(s -> s.gateways().stream()).toList();
    }

    @Override
    public List<IngressGateway> gatewaysOf(SourceRef source) {
        return sessions.stream().filter(s -> s.source().equals(source)).findFirst()
                .map(ClusterSession::gateways).orElse(List.of());
    }

    @Override
    public List<String> tlsSecretsIn(SourceRef source, String namespace) {
        return sessions.stream().filter(s -> s.source().equals(source)).findFirst()
                .map(s -> s.tlsSecretsIn(namespace)).orElse(List.of());
    }

    /** The events of the function's objects and pods, warnings first. Blocks on the network. */
    @Override
    public List<FunctionEvent> eventsOf(FunctionId id) {
        return sessions.stream().filter(s -> s.source().equals(id.source())).findFirst()
                .map(s -> s.eventsOf(id)).orElse(List.of());
    }

    @Override
    public List<RolloutHistory> revisionsOf(FunctionId id) {
        return sessions.stream().filter(s -> s.source().equals(id.source())).findFirst()
                .map(s -> s.revisionsOf(id)).orElse(List.of());
    }

    /**
     * The function's configuration (env resolved, envFrom, mounts, resources) and the problems in it; Secret values
     * are never read into it. Blocks on the network.
     */
    @Override
    public FunctionConfig configOf(FunctionId id) {
        return sessions.stream().filter(s -> s.source().equals(id.source())).findFirst()
                .map(s -> s.configOf(id)).orElse(new FunctionConfig(List.of(), List.of()));
    }

    /** One masked value of the function's namespace, for the person who asked to see it. Blocks on the network. */
    @Override
    public Optional<RevealedValue> reveal(FunctionId id, ConfigKey key) {
        return sessions.stream().filter(s -> s.source().equals(id.source())).findFirst().flatMap(s -> s.reveal(id, key));
    }

    /** From the first context whose mesh calls one of the hosts: a change set is written to one context. */
    @Override
    public List<MeshResource> meshEntriesOf(Set<String> hosts) {
        for (ClusterSession session : sessions) {
            List<MeshResource> entries = session.entriesFor(hosts);
            if (!entries.isEmpty()) {
                return entries;
            }
        }
        return List.of();
    }

    /** Stops informers and closes every client. */
    @Override
    public void close() {
        sessions.forEach(ClusterSession::close);
        scheduler.shutdownNow();
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
