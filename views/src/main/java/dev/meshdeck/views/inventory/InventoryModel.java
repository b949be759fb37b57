package dev.meshdeck.views.inventory;

import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.monitoring.FunctionAlerts;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.NodeKind;
import dev.meshdeck.core.topology.TopologyNode;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The inventory as the window shows it, folded from batches of {@link InventoryEvent}s on the FX thread.
 * A batch touches the row list once: a changed function replaces its own row, new functions are appended,
 * and only a removal or a full source reload resets the list, so a table sorted on top of it never has to
 * re-sort everything for a single change.
 */
public final class InventoryModel implements SourceHealth {

    private final Map<FunctionId, ServerlessFunction> byId = new LinkedHashMap<>();
    private final Map<FunctionId, Integer> rowOf = new HashMap<>();
    private final ObservableList<ServerlessFunction> rows = FXCollections.observableArrayList();
    private final ObservableList<ServerlessFunction> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    /** Keyed by identity, valued by the latest details (an AWS source learns its account after connecting). */
    private final Map<SourceRef, SourceRef> sources = new LinkedHashMap<>();
    private final Map<SourceRef, SourceStatus> statuses = new HashMap<>();
    private final Set<SourceRef> loaded = new HashSet<>();
    /** Sources still connecting after their first rows came: the rest of their lists is on its way. */
    private final Set<SourceRef> filling = new HashSet<>();
    /** Sources that answer again after being stale or failed, until the user has read it (see {@link #dismissReconnected}). */
    private final Map<SourceRef, SourceStatus> reconnected = new LinkedHashMap<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    /** Observed traffic of functions that had some, as the topology graph last resolved it. */
    private Map<FunctionId, TrafficStats> traffic = Map.of();
    private Map<String, FunctionAlerts> alerts = Map.of();
    private Set<SourceRef> stale = Set.of();
    private final Attention attention;
    private final ReadOnlyLongWrapper attentionRevision = new ReadOnlyLongWrapper(this, "attentionRevision");

    /** @param knownSources sources the catalog knows before discovery, shown at once as connecting */
    public InventoryModel(List<SourceRef> knownSources) {
        this(knownSources, Attention.DEFAULT);
    }

    public InventoryModel(List<SourceRef> knownSources, Attention attention) {
        knownSources.forEach(this::remember);
        this.attention = attention;
    }

    private void remember(SourceRef source) {
        sources.put(source, source);
    }

    public void apply(List<InventoryEvent> batch) {
        boolean reset = false;
        Set<FunctionId> changed = new LinkedHashSet<>();
        List<String> newProblems = new ArrayList<>();
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        for (InventoryEvent event : batch) {
            if (event instanceof InventoryEvent.SourceChanged e) {
                remember(e.status().source());
                SourceStatus before = statuses.put(e.status().source(), e.status());
                if (e.status().state() == SourceStatus.State.CONNECTING && loaded.contains(e.status().source())) {
                    filling.add(e.status().source());
                } else {
                    filling.remove(e.status().source());
                }
                noteReconnection(before, e.status());
            } else if (event instanceof InventoryEvent.SourceLoaded e) {
                remember(e.source());
                loaded.add(e.source());
                byId.keySet().removeIf(id -> id.source().equals(e.source()));
                e.functions().forEach(f -> byId.put(f.id(), f));
                reset = true;
            } else if (event instanceof InventoryEvent.SourceRemoved e) {
                sources.remove(e.source());
                statuses.remove(e.source());
                reconnected.remove(e.source());
                loaded.remove(e.source());
                filling.remove(e.source());
                reset |= byId.keySet().removeIf(id -> id.source().equals(e.source()));
            } else if (event instanceof InventoryEvent.FunctionChanged e) {
                remember(e.function().source());
                byId.put(e.function().id(), e.function());
                changed.add(e.function().id());
            } else if (event instanceof InventoryEvent.FunctionRemoved e) {
                reset |= byId.remove(e.id()) != null;
            } else if (event instanceof InventoryEvent.Problem e) {
                newProblems.add(e.message());
            }
        }
        if (reset) {
            resetRows();
        } else {
            updateRows(changed);
        }
        problems.addAll(newProblems);
        Set<SourceRef> staleNow = sources.keySet().stream().filter(this::isStale).collect(Collectors.toSet());
        if (!staleNow.equals(stale)) {
            stale = staleNow;
            attentionRevision.set(attentionRevision.get() + 1);
        }
        revision.set(revision.get() + 1);
    }

    /**
     * Takes the observed traffic of every function node of the topology graph, so that the table and the graph
     * show the same figures. Nodes without observed traffic have none in the table either.
     */
    public void applyTraffic(Collection<TopologyNode> nodes) {
        Map<FunctionId, TrafficStats> now = new HashMap<>();
        for (TopologyNode node : nodes) {
            if (node.kind() == NodeKind.FUNCTION && node.function() != null && !node.stats().equals(TrafficStats.NONE)) {
                now.put(node.function().id(), node.stats());
            }
        }
        if (!now.equals(traffic)) {
            traffic = Map.copyOf(now);
            attentionRevision.set(attentionRevision.get() + 1);
        }
    }

    /**
     * Takes the alerts active per function ("namespace/name"), as the topology graph polled them: the table's Alerts
     * column, and a firing alert makes a function need attention.
     */
    public void applyAlerts(Map<String, FunctionAlerts> byFunction) {
        if (!byFunction.equals(alerts)) {
            alerts = Map.copyOf(byFunction);
            attentionRevision.set(attentionRevision.get() + 1);
        }
    }

    /** The alerts active on the function; none when no source reported any. */
    public FunctionAlerts alertsOf(ServerlessFunction function) {
        String key = function.namespace() + "/" + function.name();
        return alerts.getOrDefault(key, FunctionAlerts.none(key));
    }

    /** The function's observed traffic; empty when telemetry saw none. */
    public Optional<TrafficStats> trafficOf(FunctionId id) {
        return Optional.ofNullable(traffic.get(id));
    }

    /** Why the function needs attention (see {@link Attention}); empty when it does not. */
    public Set<Attention.Reason> attentionOf(ServerlessFunction function) {
        Set<Attention.Reason> reasons = EnumSet.noneOf(Attention.Reason.class);
        reasons.addAll(attention.reasons(function, traffic.getOrDefault(function.id(), TrafficStats.NONE),
                stale.contains(function.source())));
        if (alertsOf(function).firing() > 0) {
            reasons.add(Attention.Reason.ALERT);
        }
        return reasons;
    }

    public boolean needsAttention(ServerlessFunction function) {
        return !attentionOf(function).isEmpty();
    }

    public Attention attention() {
        return attention;
    }

    /** Sources whose rows are not live (see {@link #isStale}). */
    public Set<SourceRef> staleSources() {
        return stale;
    }

    /**
     * Incremented when what decides attention changed beyond the rows themselves (observed traffic, a source
     * going stale or coming back): the signal to filter and redraw every row again. A changed row needs no signal.
     */
    public ReadOnlyLongProperty attentionRevisionProperty() {
        return attentionRevision.getReadOnlyProperty();
    }

    private void noteReconnection(SourceStatus before, SourceStatus now) {
        if (!now.state().answering()) {
            reconnected.remove(now.source());
        } else if (before != null && (before.state() == SourceStatus.State.STALE || before.state() == SourceStatus.State.FAILED)
                && loaded.contains(now.source())) {
            reconnected.put(now.source(), now);
        }
    }

    private void resetRows() {
        rowOf.clear();
        List<ServerlessFunction> all = new ArrayList<>(byId.values());
        for (int i = 0; i < all.size(); i++) {
            rowOf.put(all.get(i).id(), i);
        }
        rows.setAll(all);
    }

    private void updateRows(Set<FunctionId> changed) {
        List<ServerlessFunction> added = new ArrayList<>();
        for (FunctionId id : changed) {
            ServerlessFunction function = byId.get(id);
            Integer row = rowOf.get(id);
            if (row != null) {
                rows.set(row, function);
            } else {
                rowOf.put(id, rows.size() + added.size());
                added.add(function);
            }
        }
        rows.addAll(added);
    }

    /** Every function, in arrival order; sort and filter on top of it. */
    public ObservableList<ServerlessFunction> functions() {
        return readOnlyRows;
    }

    public List<SourceSummary> sourceSummaries() {
        return SourceSummary.of(sources.values(), statuses::get, byId.values());
    }

    @Override
    public SourceStatus statusOf(SourceRef source) {
        return statuses.get(source);
    }

    @Override
    public List<SourceStatus> statusesOf(WriteTarget target) {
        return sources.values().stream()
                .filter(source -> target.parts().stream().anyMatch(part -> part.sameAs(writtenAs(source))))
                .map(statuses::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The write target a source is written as: its context, its AWS account (when known) and region, or its Google
     * Cloud project and region.
     */
    private static WriteTarget writtenAs(SourceRef source) {
        if (source instanceof SourceRef.KubeContext kube) {
            return new WriteTarget.KubeContext(kube.context());
        }
        if (source instanceof SourceRef.GcpRegion google) {
            return new WriteTarget.GcpRegion(google.project(), google.region());
        }
        SourceRef.AwsRegion aws = (SourceRef.AwsRegion) source;
        return new WriteTarget.AwsRegion(aws.knownAccount().orElse(null), aws.profile(), aws.region());
    }

    @Override
    public void addListener(Runnable changed) {
        revision.addListener(o -> changed.run());
    }

    /** Whether what is shown of {@code source} is not live: it is stale or failed after its functions were listed. */
    public boolean isStale(SourceRef source) {
        SourceStatus status = statuses.get(source);
        return status != null && loaded.contains(source)
                && (status.state() == SourceStatus.State.STALE || status.state() == SourceStatus.State.FAILED);
    }

    /** Sources that do not answer, or answer poorly, in the order of the status bar: what the banner warns about. */
    public List<SourceStatus> troubled() {
        return sourceSummaries().stream().map(SourceSummary::status)
                .filter(s -> s.state() != SourceStatus.State.CONNECTED && s.state() != SourceStatus.State.CONNECTING)
                .toList();
    }

    /** Sources that answer again after being stale or failed ("reconnected; 3 changes while away"), not yet dismissed. */
    public List<SourceStatus> reconnected() {
        return List.copyOf(reconnected.values());
    }

    public void dismissReconnected(SourceRef source) {
        if (reconnected.remove(source) != null) {
            revision.set(revision.get() + 1);
        }
    }

    public int sourceCount() {
        return sources.size();
    }

    /**
     * True while some source has neither delivered its functions nor reported a final state, or says it is still
     * connecting after delivering its first rows (a large cluster's slower lists).
     */
    public boolean discovering() {
        return !filling.isEmpty() || sources.values().stream().anyMatch(s -> !loaded.contains(s) && pending(statuses.get(s)));
    }

    private static boolean pending(SourceStatus status) {
        return status == null || status.state() == SourceStatus.State.CONNECTING;
    }

    /** Problems not tied to one source, oldest first. */
    public ObservableList<String> problems() {
        return readOnlyProblems;
    }

    /** Incremented after each batch: the signal for views that redraw from the summaries. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
