package dev.meshdeck.core.topology;

import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.inventory.VersionName;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.FunctionAlerts;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live topology graph: functions of every platform, their versions, the gateways and external hosts they
 * touch; configured edges from routing config and observed edges from telemetry. Each update (an inventory
 * event, a function's policies, a telemetry snapshot) changes only what it touches and reports a
 * {@link TopologyChange} to listeners.
 *
 * <p>Not thread-safe: confine a model to one thread (the UI thread in the window), as the inventory views do.
 * The one exception is a telemetry poll's matching of thousands of edges to nodes: {@link #telemetryIndex()} copies
 * what it reads on the model's thread, {@link TelemetryIndex#resolve} runs on any thread, and
 * {@link #applyTelemetry(TelemetryIndex.Resolved)}, back on the model's thread, puts in place only the edges it
 * merged there and refreshes the nodes whose figures changed.
 */
public final class TopologyModel {

    public static final double DEFAULT_ERROR_THRESHOLD = 0.05;

    private final Map<String, TopologyNode> nodes = new LinkedHashMap<>();
    private final Map<GroupKey, Set<String>> members = new LinkedHashMap<>();
    private final Map<FunctionId, ServerlessFunction> functions = new HashMap<>();
    private final Map<FunctionId, PolicyFacts> policies = new HashMap<>();
    private final Map<FunctionId, Contribution> contributions = new HashMap<>();
    /** Function node by telemetry name: scope|namespace|service. */
    private final Map<String, String> byService = new HashMap<>();
    /** Functions whose routes looked up a service key, so a function appearing there re-resolves them. */
    private final Map<String, Set<FunctionId>> lookups = new HashMap<>();
    private final Map<String, String> sourceLabels = new HashMap<>();
    /** The Istio Gateway objects, by their node; such a node stays while no edge touches it. */
    private final Map<String, IngressGateway> declared = new HashMap<>();
    /** Gateway nodes of each source's Gateway objects, by scope. */
    private final Map<String, Set<String>> declaredBySource = new HashMap<>();
    /** The Gateway node standing for an ingress workload telemetry names (scope|namespace|service). */
    private final Map<String, String> ingressNodes = new HashMap<>();
    private final Map<TopologyEdge.Key, TopologyEdge> configured = new HashMap<>();
    private Map<TopologyEdge.Key, TrafficStats> observedEdges = Map.of();
    private Map<String, TrafficStats> observedNodes = Map.of();
    private final Map<TopologyEdge.Key, TopologyEdge> edges = new LinkedHashMap<>();
    private final Map<String, Integer> degree = new HashMap<>();
    private final List<Consumer<TopologyChange>> listeners = new CopyOnWriteArrayList<>();
    private double errorThreshold = DEFAULT_ERROR_THRESHOLD;
    private TelemetrySnapshot lastSnapshot;
    /** What resolving telemetry reads, copied; null after a function, version, source or configured edge came or went. */
    private TelemetryIndex index;
    private Map<String, FunctionAlerts> alerts = Map.of();
    private Changes changes = new Changes();

    /** The version nodes, shared nodes and configured edges one function brings, and the keys it looked up. */
    private record Contribution(List<String> nodes, List<TopologyEdge> edges, Set<String> lookedUp) {
    }

    public void addListener(Consumer<TopologyChange> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<TopologyChange> listener) {
        listeners.remove(listener);
    }

    /** Error ratio (0..1) above which a node with traffic is marked unhealthy; 5% unless set. */
    public void setErrorThreshold(double threshold) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("The error threshold is a ratio between 0 and 1, not " + threshold);
        }
        errorThreshold = threshold;
        List.copyOf(nodes.keySet()).forEach(this::refreshNode);
        fire();
    }

    public double errorThreshold() {
        return errorThreshold;
    }

    // ---- updates ------------------------------------------------------------------------------------------

    public void apply(InventoryEvent event) {
        apply(List.of(event));
    }

    /** Applies a batch of inventory events and reports one change for all of them. */
    public void apply(List<InventoryEvent> batch) {
        boolean sourceLoaded = false;
        for (InventoryEvent event : batch) {
            if (event instanceof InventoryEvent.SourceLoaded e) {
                load(e.source(), e.functions());
                sourceLoaded = true;
            } else if (event instanceof InventoryEvent.SourceRemoved e) {
                load(e.source(), List.of());
                declare(e.source(), List.of());
                // telemetry naming the source no longer invents nodes for it
                sourceLabels.remove(e.source().id());
                index = null;
            } else if (event instanceof InventoryEvent.FunctionChanged e) {
                load(List.of(e.function()));
            } else if (event instanceof InventoryEvent.FunctionRemoved e) {
                remove(e.id());
            }
        }
        if (sourceLoaded && lastSnapshot != null) {
            // a poll that beat discovery named functions unknown then: the graph need not wait for the next one
            install(telemetryIndex().resolve(lastSnapshot));
        }
        fire();
    }

    /** The function's mesh resources, as {@code FunctionCatalog.resourcesOf} returned them. */
    public void applyResources(FunctionId id, List<MeshResource> resources) {
        applyPolicies(id, PolicyFacts.read(resources));
    }

    public void applyPolicies(FunctionId id, PolicyFacts facts) {
        if (!functions.containsKey(id)) {
            return;
        }
        PolicyFacts before = policies.put(id, facts);
        if (!facts.equals(before)) {
            contribute(id);
            refreshNode(nodeId(id));
        }
        fire();
    }

    /**
     * The alerts active now per function ("namespace/name", as {@link FunctionAlerts#byFunction} keys them): an
     * {@link Badge#ALERT} on its node while one fires, {@link Badge#ALERT_PENDING} while all wait out their {@code for}.
     */
    public void applyAlerts(Map<String, FunctionAlerts> byFunction) {
        alerts = Map.copyOf(byFunction);
        List.copyOf(nodes.keySet()).forEach(this::refreshNode);
        fire();
    }

    /** The alerts per function after the last {@link #applyAlerts}. */
    public Map<String, FunctionAlerts> alerts() {
        return alerts;
    }

    /** The alerts active on a function after the last {@link #applyAlerts}; none before. */
    public FunctionAlerts alertsOf(ServerlessFunction f) {
        String key = f.namespace() + "/" + f.name();
        return alerts.getOrDefault(key, FunctionAlerts.none(key));
    }

    /**
     * The Istio Gateways of a source, as read after its discovery: each is a GATEWAY node, reached by the functions
     * whose VirtualServices are bound to it, and stands for the ingress workloads its selector selects, so that
     * telemetry from those (istio-ingressgateway) lands on it rather than on a node of its own. Replaces what the
     * source's Gateways said before. With several Gateways on one workload, its traffic goes to the first by name.
     */
    public void applyGateways(SourceRef source, List<IngressGateway> gateways) {
        declare(source, gateways);
        if (lastSnapshot != null) {
            // the ingress workload's traffic moves between its own node and its Gateway's
            install(telemetryIndex().resolve(lastSnapshot));
        }
        fire();
    }

    private void declare(SourceRef source, List<IngressGateway> gateways) {
        String scope = source.id();
        sourceLabels.putIfAbsent(scope, sourceTier(source));
        ingressNodes.keySet().removeIf(k -> k.startsWith(scope + "|"));
        index = null;
        Set<String> now = new LinkedHashSet<>();
        for (IngressGateway g : gateways) {
            String id = gatewayNode(scope, g.namespace(), g.name());
            now.add(id);
            if (!g.equals(declared.put(id, g)) && !changes.added.contains(id)) {
                changes.updated.add(id);
            }
            g.workloads().forEach(w -> ingressNodes.putIfAbsent(serviceKey(scope, w.namespace(), w.service()), id));
        }
        for (String gone : declaredBySource.getOrDefault(scope, Set.of())) {
            if (!now.contains(gone)) {
                declared.remove(gone);
                if (degree.getOrDefault(gone, 0) <= 0) {
                    removeNode(gone);
                }
            }
        }
        declaredBySource.put(scope, now);
    }

    /**
     * Replaces the observed figures with a new snapshot's: edges, node totals and telemetry-only nodes. Resolves the
     * snapshot on this thread; a window resolves it in the background instead (see {@link #telemetryIndex()}).
     */
    public void applyTelemetry(TelemetrySnapshot snapshot) {
        applyTelemetry(telemetryIndex().resolve(snapshot));
    }

    /**
     * Installs a snapshot resolved on another thread: the gateways and hosts it names appear, and only the edges
     * and nodes whose figures changed are refreshed. A function that arrived meanwhile is matched at the next poll;
     * a resolution compared with figures the model no longer holds (another poll came in between) refreshes
     * everything it or the model names.
     */
    public void applyTelemetry(TelemetryIndex.Resolved resolved) {
        install(resolved);
        fire();
    }

    /** Model thread: what {@link TelemetryIndex#resolve} reads, copied again only when functions or versions changed. */
    public TelemetryIndex telemetryIndex() {
        if (index == null) {
            Set<String> versions = new HashSet<>();
            Map<String, String> names = new HashMap<>();
            for (TopologyNode n : nodes.values()) {
                if (n.kind() == NodeKind.VERSION) {
                    versions.add(n.id());
                } else if (n.kind() == NodeKind.FUNCTION) {
                    names.put(n.id(), n.function().name());
                }
            }
            index = new TelemetryIndex(Map.copyOf(byService), Map.copyOf(ingressNodes), Set.copyOf(sourceLabels.keySet()),
                    Set.copyOf(versions), Map.copyOf(names), observedEdges, observedNodes, Map.copyOf(configured));
        }
        return index.observedEdges() == observedEdges && index.observedNodes() == observedNodes ? index
                : index.against(observedEdges, observedNodes);
    }

    private void install(TelemetryIndex.Resolved resolved) {
        lastSnapshot = resolved.snapshot();
        resolved.sharedNodes().values().forEach(this::sharedNode);
        if (resolved.basis() == observedEdges && index != null && resolved.configured() == index.configured()) {
            installMerged(resolved);
            return;
        }
        Set<TopologyEdge.Key> touched;
        Set<String> statNodes;
        if (resolved.basis() == observedEdges) {
            touched = new HashSet<>(resolved.changedEdges());
            statNodes = new HashSet<>(resolved.changedNodes());
            // an edge whose figures stayed but which is not drawn: an end of it came back (a function re-added)
            resolved.edges().keySet().stream().filter(k -> !edges.containsKey(k)).forEach(touched::add);
        } else {
            touched = new HashSet<>(observedEdges.keySet());
            touched.addAll(resolved.edges().keySet());
            statNodes = new HashSet<>(observedNodes.keySet());
            statNodes.addAll(resolved.nodes().keySet());
        }
        observedEdges = resolved.edges();
        observedNodes = resolved.nodes();
        touched.forEach(this::refreshEdge);
        statNodes.stream().filter(nodes::containsKey).forEach(this::refreshNode);
        dropOrphans(touched);
    }

    /**
     * The usual poll: the model still holds the figures and configured edges the resolution was compared with, so
     * its merged edges go in as they are and only an edge that went away can leave a node orphaned.
     */
    private void installMerged(TelemetryIndex.Resolved resolved) {
        observedEdges = resolved.edges();
        observedNodes = resolved.nodes();
        List<TopologyEdge.Key> gone = new ArrayList<>();
        for (TopologyEdge.Key k : resolved.changedEdges()) {
            if (putEdge(k, resolved.merged().get(k))) {
                gone.add(k);
            }
        }
        // an edge whose figures stayed but which is not drawn: an end of it came back (a function re-added)
        resolved.edges().keySet().stream().filter(k -> !edges.containsKey(k)).toList().forEach(this::refreshEdge);
        resolved.changedNodes().stream().filter(nodes::containsKey).forEach(this::refreshNode);
        Set<String> candidates = new HashSet<>(resolved.sharedNodes().keySet());
        gone.forEach(k -> {
            candidates.add(k.from());
            candidates.add(k.to());
        });
        dropOrphanNodes(candidates);
    }

    // ---- queries ------------------------------------------------------------------------------------------

    public Collection<TopologyNode> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    public TopologyNode node(String id) {
        return nodes.get(id);
    }

    public Collection<TopologyEdge> edges() {
        return Collections.unmodifiableCollection(edges.values());
    }

    public TopologyEdge edge(String from, String to) {
        return edges.get(new TopologyEdge.Key(from, to));
    }

    /** Node ids per innermost group, in the order groups and nodes appeared. */
    public Map<GroupKey, Set<String>> groups() {
        return Collections.unmodifiableMap(members);
    }

    public static String nodeId(FunctionId id) {
        return "fn|" + id.source().id() + "|" + id.namespace() + "|" + id.name();
    }

    /** The Istio Gateway a GATEWAY node stands for; empty for a node telemetry or a VirtualService alone made. */
    public Optional<IngressGateway> gatewayOf(String nodeId) {
        return Optional.ofNullable(declared.get(nodeId));
    }

    /** The function a node stands for (or is a version of); null for gateways and external hosts. */
    public ServerlessFunction functionOf(String nodeId) {
        TopologyNode node = nodes.get(nodeId);
        return node == null ? null : node.function();
    }

    /** Nodes whose name, namespace or version contains {@code text}, ignoring case; empty text finds nothing. */
    public Set<String> search(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Set<String> found = new LinkedHashSet<>();
        if (wanted.isEmpty()) {
            return found;
        }
        for (TopologyNode n : nodes.values()) {
            // the version in full too: its label shortens it ("order-function:v1" for the Service order-function-v1)
            if (n.label().toLowerCase(Locale.ROOT).contains(wanted) || n.version().toLowerCase(Locale.ROOT).contains(wanted)
                    || (n.function() != null && n.function().id().qualifiedName().toLowerCase(Locale.ROOT).contains(wanted))) {
                found.add(n.id());
            }
        }
        return found;
    }

    /** The node and every node within {@code hops} edges of it, whatever the edges' direction. */
    public Set<String> neighbourhood(String nodeId, int hops) {
        Map<String, List<String>> adjacent = new HashMap<>();
        for (TopologyEdge e : edges.values()) {
            adjacent.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            adjacent.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
        }
        Set<String> seen = new LinkedHashSet<>();
        if (!nodes.containsKey(nodeId)) {
            return seen;
        }
        seen.add(nodeId);
        Deque<String> frontier = new ArrayDeque<>(List.of(nodeId));
        for (int hop = 0; hop < hops && !frontier.isEmpty(); hop++) {
            Deque<String> next = new ArrayDeque<>();
            for (String id : frontier) {
                for (String n : adjacent.getOrDefault(id, List.of())) {
                    if (seen.add(n)) {
                        next.add(n);
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }

    /** The nodes a filter shows; see {@link TopologyFilter}. */
    public Set<String> visible(TopologyFilter filter) {
        if (filter.isAll()) {
            return new HashSet<>(nodes.keySet());
        }
        Set<String> shown = new HashSet<>();
        for (TopologyNode n : nodes.values()) {
            if (n.function() != null && filter.accepts(nodes.get(nodeId(n.function().id())))) {
                shown.add(n.id());
            }
        }
        for (TopologyEdge e : edges.values()) {
            if (shown.contains(e.from()) && isShared(e.to())) {
                shown.add(e.to());
            } else if (shown.contains(e.to()) && isShared(e.from())) {
                shown.add(e.from());
            }
        }
        return shown;
    }

    private boolean isShared(String id) {
        TopologyNode n = nodes.get(id);
        return n != null && (n.kind() == NodeKind.GATEWAY || n.kind() == NodeKind.EXTERNAL);
    }

    // ---- inventory ----------------------------------------------------------------------------------------

    private void load(SourceRef source, List<ServerlessFunction> loaded) {
        Set<FunctionId> now = new HashSet<>();
        loaded.forEach(f -> now.add(f.id()));
        List.copyOf(functions.keySet()).stream()
                .filter(id -> id.source().equals(source) && !now.contains(id))
                .forEach(this::remove);
        load(loaded);
    }

    /** Registers every function first, so routes between functions of one batch resolve to each other. */
    private void load(List<ServerlessFunction> loaded) {
        Set<FunctionId> toResolve = new LinkedHashSet<>();
        for (ServerlessFunction f : loaded) {
            if (f.equals(functions.get(f.id()))) {
                continue;
            }
            boolean isNew = functions.put(f.id(), f) == null;
            if (sourceLabels.put(f.source().id(), sourceTier(f.source())) == null) {
                index = null;
            }
            String id = nodeId(f.id());
            if (isNew) {
                String service = serviceKey(f.source().id(), f.namespace(), f.name());
                byService.put(service, id);
                toResolve.addAll(lookups.getOrDefault(service, Set.of()));
                putNode(new TopologyNode(id, NodeKind.FUNCTION, f.name(), groupOf(f), f, "", Set.of(), TrafficStats.NONE));
            }
            toResolve.add(f.id());
        }
        for (FunctionId id : toResolve) {
            if (functions.containsKey(id)) {
                contribute(id);
                refreshNode(nodeId(id));
            }
        }
    }

    private void remove(FunctionId id) {
        ServerlessFunction f = functions.remove(id);
        if (f == null) {
            return;
        }
        policies.remove(id);
        withdraw(id);
        String service = serviceKey(id.source().id(), id.namespace(), id.name());
        byService.remove(service);
        String nodeId = nodeId(id);
        Set<TopologyEdge.Key> touching = new HashSet<>();
        for (TopologyEdge.Key k : configured.keySet()) {
            if (k.from().equals(nodeId) || k.to().equals(nodeId)) {
                touching.add(k);
            }
        }
        removeNode(nodeId);
        for (TopologyEdge.Key k : observedEdges.keySet()) {
            if (k.from().equals(nodeId) || k.to().equals(nodeId)) {
                touching.add(k);
            }
        }
        touching.forEach(this::refreshEdge);
        // routes of other functions to this one now go to an external host of the same name
        lookups.getOrDefault(service, Set.of()).stream().filter(functions::containsKey).toList().forEach(this::contribute);
    }

    static String serviceKey(String scope, String namespace, String service) {
        return scope + "|" + namespace + "|" + service;
    }

    private static GroupKey groupOf(ServerlessFunction f) {
        if (f.source() instanceof SourceRef.AwsRegion aws) {
            return new GroupKey(f.platform().displayName(), sourceTier(aws), aws.region());
        }
        return new GroupKey(f.platform().displayName(), f.source().label(), f.namespace());
    }

    /** The middle level of the group path: the kube context, or the AWS account (the region is the leaf). */
    private static String sourceTier(SourceRef source) {
        return source instanceof SourceRef.AwsRegion aws ? "account " + (aws.account() == null ? "?" : aws.account())
                : source.label();
    }

    // ---- contributions: version nodes and configured edges of one function ----------------------------------

    private void contribute(FunctionId id) {
        withdraw(id);
        ServerlessFunction f = functions.get(id);
        String fn = nodeId(id);
        Map<TopologyEdge.Key, TopologyEdge> routes = new LinkedHashMap<>();
        List<String> created = new ArrayList<>();
        Set<String> lookedUp = new HashSet<>();
        Map<String, List<ConfiguredRoute>> ownVersions = new LinkedHashMap<>();
        for (TrafficShare share : f.traffic()) {
            if (share.percent() > 0) {
                ownVersions.computeIfAbsent(share.version(), v -> new ArrayList<>())
                        .add(new ConfiguredRoute(f.name(), f.namespace(), share.version(), EdgeKind.ROUTE, share.percent(),
                                share.tag().isEmpty() ? "" : "alias " + share.tag(), null));
            }
        }
        PolicyFacts facts = policies.getOrDefault(id, PolicyFacts.NONE);
        for (ConfiguredRoute r : facts.routes()) {
            HostRef host = HostRef.parse(r.host(), r.namespace());
            String scope = r.scope() == null ? id.source().id() : r.scope();
            String other = host.inCluster() ? byService.get(serviceKey(scope, host.namespace(), host.service())) : null;
            if (host.inCluster()) {
                lookedUp.add(serviceKey(scope, host.namespace(), host.service()));
            }
            boolean own = host.inCluster() && host.namespace().equals(f.namespace())
                    && (fn.equals(other) || (other == null && (host.service().equals(f.name()) || isVersionService(f, host.service()))));
            if (own) {
                ownVersions.computeIfAbsent(shareVersion(f, r.version()), v -> new ArrayList<>()).add(r);
                continue;
            }
            String target = other;
            if (target == null) {
                target = "ext|" + host.qualified();
                if (!nodes.containsKey(target)) {
                    putNode(new TopologyNode(target, NodeKind.EXTERNAL, host.qualified(), new GroupKey(GroupKey.EXTERNAL, "", ""),
                            null, "", Set.of(), TrafficStats.NONE));
                }
                created.add(target);
            }
            EdgeKind kind = r.kind() == EdgeKind.ROUTE ? EdgeKind.FAILOVER : r.kind();
            merge(routes, new TopologyEdge(fn, target, kind, r.weight(), r.condition(), null));
        }
        if (ownVersions.size() > 1) {
            for (Map.Entry<String, List<ConfiguredRoute>> v : ownVersions.entrySet()) {
                String versionId = fn + "|v|" + v.getKey();
                if (!nodes.containsKey(versionId)) {
                    putNode(new TopologyNode(versionId, NodeKind.VERSION, versionLabel(f, v.getKey()), groupOf(f), f,
                            v.getKey(), Set.of(), TrafficStats.NONE));
                }
                created.add(versionId);
                for (ConfiguredRoute r : v.getValue()) {
                    merge(routes, new TopologyEdge(fn, versionId, r.kind(), r.weight(), r.condition(), null));
                }
            }
        }
        for (String gateway : facts.gateways()) {
            int slash = gateway.indexOf('/');
            String ns = gateway.substring(0, slash);
            String name = gateway.substring(slash + 1);
            String gw = gatewayNode(id.source().id(), ns, name);
            created.add(gw);
            merge(routes, new TopologyEdge(gw, fn, EdgeKind.ROUTE, Double.NaN, "", null));
        }
        Contribution c = new Contribution(created, List.copyOf(routes.values()), lookedUp);
        contributions.put(id, c);
        lookedUp.forEach(k -> lookups.computeIfAbsent(k, x -> new HashSet<>()).add(id));
        if (!c.edges().isEmpty()) {
            index = null; // the configured edges a poll's edges are merged with
        }
        for (TopologyEdge e : c.edges()) {
            configured.put(e.key(), e);
            refreshEdge(e.key());
        }
    }

    /** The traffic share a route's version names: itself, or {@code v2} for the version Service {@code <app>-v2}. */
    private static String shareVersion(ServerlessFunction f, String version) {
        return f.traffic().stream().map(TrafficShare::version)
                .filter(v -> version.equals(f.name() + "-" + v)).findFirst().orElse(version);
    }

    /** A version Service {@code <app>-<version>} that the function's own traffic shares name. */
    private static boolean isVersionService(ServerlessFunction f, String service) {
        return service.startsWith(f.name() + "-") && f.traffic().stream().anyMatch(t -> t.version().equals(service)
                || service.equals(f.name() + "-" + t.version()));
    }

    /** "order-function:v1", "image-resize:00002", "invoice-pdf:4 (live)": the version named as the table and the CLI name it. */
    private static String versionLabel(ServerlessFunction f, String version) {
        String alias = f.platform() == Platform.LAMBDA ? f.traffic().stream().filter(t -> t.version().equals(version))
                .map(TrafficShare::tag).findFirst().orElse("") : "";
        return f.name() + ":" + VersionName.of(f.name(), version, alias);
    }

    /** Two routes to the same node (a header route and the default route) make one edge. */
    private static void merge(Map<TopologyEdge.Key, TopologyEdge> routes, TopologyEdge e) {
        routes.merge(e.key(), e, (a, b) -> {
            EdgeKind kind = a.kind().ordinal() <= b.kind().ordinal() ? a.kind() : b.kind();
            double weight = Double.isNaN(a.weight()) ? b.weight() : Double.isNaN(b.weight()) ? a.weight()
                    : Math.max(a.weight(), b.weight());
            String condition = a.condition().isEmpty() ? b.condition()
                    : b.condition().isEmpty() || a.condition().equals(b.condition()) ? a.condition()
                    : a.condition() + " | " + b.condition();
            return new TopologyEdge(a.from(), a.to(), kind, weight, condition, null);
        });
    }

    private void withdraw(FunctionId id) {
        Contribution c = contributions.remove(id);
        if (c == null) {
            return;
        }
        c.lookedUp().forEach(k -> {
            Set<FunctionId> set = lookups.get(k);
            if (set != null) {
                set.remove(id);
                if (set.isEmpty()) {
                    lookups.remove(k);
                }
            }
        });
        Set<TopologyEdge.Key> keys = new HashSet<>();
        if (!c.edges().isEmpty()) {
            index = null;
        }
        for (TopologyEdge e : c.edges()) {
            configured.remove(e.key());
            keys.add(e.key());
        }
        keys.forEach(this::refreshEdge);
        // a version node goes with its function's routes; shared nodes stay while other edges touch them
        for (String n : c.nodes()) {
            TopologyNode node = nodes.get(n);
            if (node != null && node.kind() == NodeKind.VERSION) {
                removeNodeAndEdges(n);
            }
        }
        dropOrphans(keys);
    }

    private void removeNodeAndEdges(String id) {
        List<TopologyEdge.Key> keys = new ArrayList<>();
        for (TopologyEdge.Key k : edges.keySet()) {
            if (k.from().equals(id) || k.to().equals(id)) {
                keys.add(k);
            }
        }
        removeNode(id);
        keys.forEach(this::refreshEdge);
    }

    // ---- telemetry ----------------------------------------------------------------------------------------

    /** The node telemetry names when no function answers: a gateway (by its name), else an external host. */
    static String sharedNodeId(ServiceRef ref) {
        return ref.service().contains("gateway") ? gatewayId(ref.scope(), ref.namespace(), ref.service()) : "ext|" + ref.service();
    }

    /** Makes the gateway or external node of {@link #sharedNodeId} unless it exists. */
    private void sharedNode(ServiceRef ref) {
        if (ref.service().contains("gateway")) {
            gatewayNode(ref.scope(), ref.namespace(), ref.service());
            return;
        }
        String id = sharedNodeId(ref);
        if (!nodes.containsKey(id)) {
            putNode(new TopologyNode(id, NodeKind.EXTERNAL, ref.service(), new GroupKey(GroupKey.EXTERNAL, "", ""),
                    null, "", Set.of(), TrafficStats.NONE));
        }
    }

    private static String gatewayId(String scope, String namespace, String name) {
        return "gw|" + scope + "|" + namespace + "|" + name;
    }

    private String gatewayNode(String scope, String namespace, String name) {
        String id = gatewayId(scope, namespace, name);
        if (!nodes.containsKey(id)) {
            putNode(new TopologyNode(id, NodeKind.GATEWAY, name,
                    new GroupKey(GroupKey.INGRESS, sourceLabels.getOrDefault(scope, scope), namespace),
                    null, "", Set.of(), TrafficStats.NONE));
        }
        return id;
    }

    /** Sums per-version figures into one: rates add, errors weigh by rate, p95 is the worst. */
    static TrafficStats sum(List<TrafficStats> parts) {
        double rps = 0;
        double errors = 0;
        double p95 = Double.NaN;
        for (TrafficStats s : parts) {
            rps += s.requestsPerSecond();
            errors += s.requestsPerSecond() * s.errorRatio();
            if (s.hasLatency()) {
                p95 = Double.isNaN(p95) ? s.p95Millis() : Math.max(p95, s.p95Millis());
            }
        }
        return new TrafficStats(rps, rps > 0 ? errors / rps : 0, p95);
    }

    // ---- the merged edge set and node state ---------------------------------------------------------------

    /** The edge a key makes of its configured route and observed figures (a plain call without a route); null when neither. Any thread. */
    static TopologyEdge merge(TopologyEdge.Key key, TopologyEdge config, TrafficStats seen) {
        return config != null ? config.withObserved(seen)
                : seen != null ? new TopologyEdge(key.from(), key.to(), EdgeKind.CALL, Double.NaN, "", seen) : null;
    }

    private void refreshEdge(TopologyEdge.Key key) {
        putEdge(key, merge(key, configured.get(key), observedEdges.get(key)));
    }

    /** Puts the edge a key makes now in place (none when an end is missing); true when an edge went away. */
    private boolean putEdge(TopologyEdge.Key key, TopologyEdge merged) {
        TopologyEdge now = merged;
        if (now != null && (!nodes.containsKey(key.from()) || !nodes.containsKey(key.to()))) {
            now = null;
        }
        TopologyEdge before = now == null ? edges.remove(key) : edges.put(key, now);
        if (before == null && now != null) {
            degree.merge(key.from(), 1, Integer::sum);
            degree.merge(key.to(), 1, Integer::sum);
        } else if (before != null && now == null) {
            // a node already removed has no count left to lower
            degree.computeIfPresent(key.from(), (k, n) -> n - 1);
            degree.computeIfPresent(key.to(), (k, n) -> n - 1);
        }
        if (before == null ? now != null : !before.equals(now)) {
            changes.edges = true;
        }
        return before != null && now == null;
    }

    /** Gateways and external hosts that no edge touches any more disappear. */
    private void dropOrphans(Collection<TopologyEdge.Key> touched) {
        Set<String> candidates = new HashSet<>();
        touched.forEach(k -> {
            candidates.add(k.from());
            candidates.add(k.to());
        });
        dropOrphanNodes(candidates);
    }

    private void dropOrphanNodes(Set<String> candidates) {
        for (String id : candidates) {
            if (isShared(id) && degree.getOrDefault(id, 0) <= 0 && !declared.containsKey(id)) {
                removeNode(id);
            }
        }
    }

    private void refreshNode(String id) {
        TopologyNode node = nodes.get(id);
        if (node == null) {
            return;
        }
        TrafficStats stats = observedNodes.getOrDefault(id, TrafficStats.NONE);
        ServerlessFunction f = node.function() == null ? null : functions.getOrDefault(node.function().id(), node.function());
        Set<Badge> badges = EnumSet.noneOf(Badge.class);
        if (node.kind() == NodeKind.FUNCTION) {
            if (f.hasSplit()) {
                badges.add(Badge.CANARY);
            }
            if (!f.mesh().authorizationPolicies().isEmpty()) {
                badges.add(Badge.AUTHZ);
            }
            badges.addAll(policies.getOrDefault(f.id(), PolicyFacts.NONE).badges());
            Health.Level level = f.health().level();
            if (level == Health.Level.DEGRADED || level == Health.Level.DOWN) {
                badges.add(Badge.UNHEALTHY);
            }
            alertsOf(f).worstState().ifPresent(state -> badges.add(state == ActiveAlert.State.FIRING ? Badge.ALERT : Badge.ALERT_PENDING));
        }
        if (stats.failsMoreThan(errorThreshold)) {
            badges.add(Badge.UNHEALTHY);
        }
        TopologyNode now = new TopologyNode(id, node.kind(), node.label(), node.group(), f, node.version(), badges, stats);
        if (!now.equals(node)) {
            nodes.put(id, now);
            if (!changes.added.contains(id)) {
                changes.updated.add(id);
            }
        }
    }

    private void putNode(TopologyNode node) {
        nodes.put(node.id(), node);
        forgetIndex(node);
        members.computeIfAbsent(node.group(), g -> new LinkedHashSet<>()).add(node.id());
        if (!changes.removed.remove(node.id())) {
            changes.added.add(node.id());
        } else {
            changes.updated.add(node.id());
        }
    }

    private void removeNode(String id) {
        TopologyNode node = nodes.remove(id);
        if (node == null) {
            return;
        }
        Set<String> group = members.get(node.group());
        group.remove(id);
        if (group.isEmpty()) {
            members.remove(node.group());
        }
        degree.remove(id);
        forgetIndex(node);
        changes.updated.remove(id);
        if (!changes.added.remove(id)) {
            changes.removed.add(id);
        }
    }

    /** Telemetry resolves to functions and versions: their coming and going makes the index copied again. */
    private void forgetIndex(TopologyNode node) {
        if (node.kind() == NodeKind.FUNCTION || node.kind() == NodeKind.VERSION) {
            index = null;
        }
    }

    private void fire() {
        Changes done = changes;
        changes = new Changes();
        TopologyChange change = new TopologyChange(done.added, done.removed, done.updated, done.edges);
        if (!change.isEmpty()) {
            listeners.forEach(l -> l.accept(change));
        }
    }

    private static final class Changes {
        final Set<String> added = new HashSet<>();
        final Set<String> removed = new HashSet<>();
        final Set<String> updated = new HashSet<>();
        boolean edges;
    }
}
