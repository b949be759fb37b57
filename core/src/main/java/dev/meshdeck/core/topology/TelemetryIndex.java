package dev.meshdeck.core.topology;

import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What resolving a telemetry snapshot to the graph's node ids reads of a {@link TopologyModel}, copied by
 * {@link TopologyModel#telemetryIndex()} on the model's thread. Immutable: {@link #resolve} runs on any thread,
 * so a poll of thousands of edges is matched to nodes away from the UI thread, which then only installs the
 * figures that changed ({@link TopologyModel#applyTelemetry(Resolved)}). The changed edges are merged with their
 * configured routes here too, so that install only puts the finished edges in place.
 *
 * @param byService      function node by telemetry name ({@code scope|namespace|service})
 * @param ingressNodes   the Gateway node standing for an ingress workload, by its telemetry name
 * @param scopes         the telemetry scopes (sources) whose functions are known
 * @param versionNodes   the ids of the version nodes
 * @param functionNames  the function's name by function node id
 * @param observedEdges  the observed edge figures the model holds now, which a resolution is compared with
 * @param observedNodes  the observed node figures the model holds now
 * @param configured     the configured edges by key, copied: what a changed edge's figures are merged with
 */
public record TelemetryIndex(Map<String, String> byService, Map<String, String> ingressNodes, Set<String> scopes, Set<String> versionNodes,
                             Map<String, String> functionNames, Map<TopologyEdge.Key, TrafficStats> observedEdges,
                             Map<String, TrafficStats> observedNodes, Map<TopologyEdge.Key, TopologyEdge> configured) {

    /**
     * A snapshot matched to node ids, with what changed against the figures the index was taken with.
     *
     * @param edges        observed figures per edge between nodes
     * @param nodes        observed figures per node
     * @param sharedNodes  gateways and external hosts telemetry names that must exist, by node id
     * @param changedEdges edges whose figures differ from the index's (appeared, gone or moved)
     * @param changedNodes nodes whose figures differ from the index's
     * @param basis        the index's edge figures, to tell whether the model still holds them when this is installed
     * @param merged       the edge each changed key makes now (configured route and figures); absent when none
     * @param configured   the configured edges {@code merged} was made from, to tell whether they still hold
     */
    public record Resolved(TelemetrySnapshot snapshot, Map<TopologyEdge.Key, TrafficStats> edges,
                           Map<String, TrafficStats> nodes, Map<String, ServiceRef> sharedNodes,
                           Set<TopologyEdge.Key> changedEdges, Set<String> changedNodes,
                           Map<TopologyEdge.Key, TrafficStats> basis, Map<TopologyEdge.Key, TopologyEdge> merged,
                           Map<TopologyEdge.Key, TopologyEdge> configured) {
    }

    /** The same structure compared with other figures: what the model holds after a poll. */
    TelemetryIndex against(Map<TopologyEdge.Key, TrafficStats> edges, Map<String, TrafficStats> nodes) {
        return new TelemetryIndex(byService, ingressNodes, scopes, versionNodes, functionNames, edges, nodes, configured);
    }

    /** Matches a snapshot's edges and nodes to node ids; per-version figures go to the version nodes. Any thread. */
    public Resolved resolve(TelemetrySnapshot snapshot) {
        Map<String, ServiceRef> shared = new LinkedHashMap<>();
        Map<TopologyEdge.Key, TrafficStats> pairs = new HashMap<>();
        Map<TopologyEdge.Key, List<TrafficStats>> byVersion = new HashMap<>();
        Map<TopologyEdge.Key, List<TrafficStats>> pairFallback = new HashMap<>();
        for (Map.Entry<EdgeKey, TrafficStats> e : snapshot.edges().entrySet()) {
            EdgeKey key = e.getKey();
            String from = nodeFor(key.source(), shared);
            String to = nodeFor(key.destination(), shared);
            if (from == null || to == null) {
                continue;
            }
            if (key.destinationVersion().isEmpty()) {
                pairs.put(new TopologyEdge.Key(from, to), e.getValue());
                continue;
            }
            pairFallback.computeIfAbsent(new TopologyEdge.Key(from, to), k -> new ArrayList<>()).add(e.getValue());
            String version = versionNode(to, key.destinationVersion());
            if (version != null) {
                byVersion.computeIfAbsent(new TopologyEdge.Key(to, version), k -> new ArrayList<>()).add(e.getValue());
            }
        }
        pairFallback.forEach((k, list) -> pairs.putIfAbsent(k, TopologyModel.sum(list)));
        byVersion.forEach((k, list) -> pairs.put(k, TopologyModel.sum(list)));
        Map<String, TrafficStats> nodeStats = new HashMap<>();
        snapshot.nodes().forEach((ref, stats) -> {
            String id = nodeFor(ref, shared);
            if (id != null) {
                nodeStats.put(id, stats);
            }
        });
        Set<TopologyEdge.Key> changedEdges = changed(observedEdges, pairs);
        Map<TopologyEdge.Key, TopologyEdge> merged = new HashMap<>();
        for (TopologyEdge.Key k : changedEdges) {
            TopologyEdge edge = TopologyModel.merge(k, configured.get(k), pairs.get(k));
            if (edge != null) {
                merged.put(k, edge);
            }
        }
        return new Resolved(snapshot, Collections.unmodifiableMap(pairs), Collections.unmodifiableMap(nodeStats),
                Collections.unmodifiableMap(shared), changedEdges, changed(observedNodes, nodeStats),
                observedEdges, Collections.unmodifiableMap(merged), configured);
    }

    private static <K> Set<K> changed(Map<K, TrafficStats> before, Map<K, TrafficStats> now) {
        Set<K> changed = new HashSet<>();
        now.forEach((k, stats) -> {
            if (!stats.equals(before.get(k))) {
                changed.add(k);
            }
        });
        before.keySet().stream().filter(k -> !now.containsKey(k)).forEach(changed::add);
        return Collections.unmodifiableSet(changed);
    }

    /**
     * The node telemetry names; a gateway or external node when no function answers. Null for a source whose
     * functions are not known yet: a poll that beats discovery must not invent nodes for them.
     */
    private String nodeFor(ServiceRef ref, Map<String, ServiceRef> shared) {
        String fn = byService.get(TopologyModel.serviceKey(ref.scope(), ref.namespace(), ref.service()));
        if (fn != null) {
            return fn;
        }
        if (!ref.scope().isEmpty() && !scopes.contains(ref.scope())) {
            return null;
        }
        String ingress = ingressNodes.get(TopologyModel.serviceKey(ref.scope(), ref.namespace(), ref.service()));
        if (ingress != null) {
            return ingress; // a declared Gateway's node, which exists
        }
        String id = TopologyModel.sharedNodeId(ref);
        shared.putIfAbsent(id, ref);
        return id;
    }

    /**
     * The version node telemetry names: by its version, or through its version Service — telemetry's {@code v2}
     * is the node {@code <app>-v2} a VirtualService routes to, and telemetry's {@code <app>-v2} the node {@code v2}.
     */
    private String versionNode(String functionNode, String version) {
        String id = functionNode + "|v|" + version;
        if (versionNodes.contains(id)) {
            return id;
        }
        String name = functionNames.get(functionNode);
        if (name == null) {
            return null;
        }
        String prefix = name + "-";
        String other = functionNode + "|v|" + (version.startsWith(prefix) ? version.substring(prefix.length()) : prefix + version);
        return versionNodes.contains(other) ? other : null;
    }
}
