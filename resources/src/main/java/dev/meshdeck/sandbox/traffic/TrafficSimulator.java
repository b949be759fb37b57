package dev.meshdeck.sandbox.traffic;

import dev.meshdeck.core.monitoring.evaluation.Sample;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.core.telemetry.TrafficStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic traffic along a {@link CallGraph}, split over versions by the current {@link Routing}: every call's
 * rate and error ratio wander with seeded {@link Noise}, each version answers with its profile's latency and
 * errors. It is a {@link TelemetrySource} itself (reporting the rates in force now: the simulator knows them,
 * a window would only blur a canary move) and keeps Istio's cumulative series growing with wall time for a
 * Prometheus to scrape ({@link #exposition()}).
 */
public final class TrafficSimulator implements TelemetrySource {

    private final CallGraph graph;
    private final Routing routing;
    private final String meshScope;
    private final Clock clock;
    private final Noise noise;
    private final IstioCounters counters = new IstioCounters();
    private Instant advancedTo;

    /**
     * @param meshScope telemetry scope of the callers (the cluster's kube context source id)
     */
    public TrafficSimulator(CallGraph graph, Routing routing, String meshScope, Clock clock) {
        this.graph = graph;
        this.routing = routing;
        this.meshScope = meshScope;
        this.clock = clock;
        this.noise = new Noise(graph.seed());
        this.advancedTo = clock.instant();
    }

    @Override
    public String name() {
        return "sandbox traffic simulator";
    }

    /** The rates in force now, after reading the routing again; {@code window} does not apply. */
    @Override
    public TelemetrySnapshot fetch(Duration window) {
        advance();
        routing.refresh();
        Instant now = clock.instant();
        return snapshot(now, flows(now));
    }

    /** Grows the cumulative series by the traffic since the last call, under the routing known now. */
    public synchronized void advance() {
        Instant now = clock.instant();
        double seconds = Duration.between(advancedTo, now).toNanos() / 1e9;
        if (seconds <= 0) {
            return;
        }
        for (Flow flow : flows(advancedTo)) {
            counters.add(flow, seconds);
        }
        advancedTo = now;
    }

    /**
     * The cumulative series up to now in Prometheus' text exposition format (version 0.0.4); from now on they grow
     * under the routing in force now.
     */
    public synchronized String exposition() {
        refreshRouting();
        return counters.render();
    }

    /** The same series as samples, for the sandbox's Prometheus to scrape in-process. */
    public synchronized List<Sample> samples() {
        refreshRouting();
        return counters.samples();
    }

    /**
     * Re-reads what changed in the routing (what a background ticker and the routing's watches call): the traffic
     * until now is counted under the routing it had, the traffic from now on under the new one.
     */
    public synchronized void refreshRouting() {
        advance();
        routing.refreshChanged();
    }

    /** The requests answered at {@code at} by one version of a mesh service (what its pods log). */
    List<Flow> flowsInto(String namespace, String service, String version, Instant at) {
        return flows(at).stream().filter(f -> !f.to().external() && f.to().destination().namespace().equals(namespace)
                && f.to().destination().service().equals(service) && f.to().version().equals(version)).toList();
    }

    long seed() {
        return graph.seed();
    }

    private List<Flow> flows(Instant at) {
        List<Flow> flows = new ArrayList<>();
        List<CallGraph.Call> calls = graph.calls();
        for (int i = 0; i < calls.size(); i++) {
            CallGraph.Call call = calls.get(i);
            List<RoutedVersion> versions = routing.versionsOf(call.to());
            double total = versions.stream().mapToDouble(RoutedVersion::percent).sum();
            if (total <= 0) {
                continue;
            }
            double rps = call.rps() * (1 + graph.noise() * noise.at(2 * i, at));
            double errorFactor = 1 + graph.noise() * noise.at(2 * i + 1, at);
            RoutedVersion caller = callerOf(call.from());
            for (RoutedVersion v : versions) {
                if (v.percent() > 0) {
                    ResponseProfile profile = graph.profileOf(v.profileKey(), v.version(), 100 * v.percent() / total);
                    flows.add(new Flow(caller.destination(), caller.workload(), v, rps * v.percent() / total,
                            profile.withErrorRatio(profile.errorRatio() * errorFactor)));
                }
            }
        }
        return flows;
    }

    /** The caller as its own routing names it (its busiest workload), else by its host. */
    private RoutedVersion callerOf(CallTarget.MeshHost from) {
        return routing.versionsOf(from).stream()
                .max(Comparator.comparingDouble(RoutedVersion::percent))
                .orElse(new RoutedVersion(new ServiceRef(meshScope, from.namespace(), from.host()), from.host(), "unknown",
                        from.host(), 100));
    }

    private static TelemetrySnapshot snapshot(Instant at, List<Flow> flows) {
        Map<EdgeKey, Figures> edges = new HashMap<>();
        Map<ServiceRef, Figures> nodes = new HashMap<>();
        for (Flow flow : flows) {
            EdgeKey key = new EdgeKey(flow.source(), flow.to().destination(), flow.to().version());
            edges.computeIfAbsent(key, k -> new Figures()).add(flow);
            edges.computeIfAbsent(key.withoutVersion(), k -> new Figures()).add(flow);
            nodes.computeIfAbsent(flow.to().destination(), k -> new Figures()).add(flow);
        }
        Map<EdgeKey, TrafficStats> edgeStats = new HashMap<>();
        edges.forEach((k, f) -> edgeStats.put(k, f.stats()));
        Map<ServiceRef, TrafficStats> nodeStats = new HashMap<>();
        nodes.forEach((k, f) -> nodeStats.put(k, f.stats()));
        return new TelemetrySnapshot(at, edgeStats, nodeStats);
    }

    /** Flows summed: rate, errors and the latency histogram a Prometheus would hold for them. */
    private static final class Figures {
        private double rps;
        private double errorRps;
        private final double[] buckets = new double[LatencyBuckets.BOUNDS.size()];

        void add(Flow flow) {
            rps += flow.rps();
            errorRps += flow.rps() * flow.profile().errorRatio();
            double[] shares = LatencyBuckets.sharesWithin(flow.profile());
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] += flow.rps() * shares[i];
            }
        }

        TrafficStats stats() {
            return rps <= 0 ? TrafficStats.NONE
                    : new TrafficStats(rps, errorRps / rps, LatencyBuckets.quantile(0.95, buckets, rps));
        }
    }
}
