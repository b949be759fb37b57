package dev.meshdeck.core.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Several telemetry sources (one per cluster) polled as one, in parallel. Their snapshots merge: the scopes of
 * their names keep clusters apart, and an edge two sources both report adds up. When some sources fail, the
 * others' figures still arrive — with the failed sources' last figures — in a {@link PartialTelemetryException}
 * that names the failures, so the graph is marked stale without going blank. Only when every source fails is it
 * a plain {@link TelemetryException}.
 */
public final class CombinedTelemetry implements TelemetrySource {

    private final List<TelemetrySource> sources;
    private final Map<TelemetrySource, TelemetrySnapshot> lastGood = new ConcurrentHashMap<>();
    private final ExecutorService pool;

    public CombinedTelemetry(List<TelemetrySource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("CombinedTelemetry needs at least one telemetry source");
        }
        this.sources = List.copyOf(sources);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.min(4, this.sources.size()), task -> {
            Thread t = new Thread(task, "meshdeck-telemetry-source-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One source as it is, several combined. */
    public static TelemetrySource of(List<TelemetrySource> sources) {
        return sources.size() == 1 ? sources.get(0) : new CombinedTelemetry(sources);
    }

    public List<TelemetrySource> sources() {
        return sources;
    }

    @Override
    public String name() {
        return sources.stream().map(TelemetrySource::name).collect(Collectors.joining(", "));
    }

    @Override
    public TelemetrySnapshot fetch(Duration window) throws TelemetryException {
        List<Future<TelemetrySnapshot>> calls = new ArrayList<>();
        for (TelemetrySource source : sources) {
            calls.add(pool.submit(() -> source.fetch(window)));
        }
        List<TelemetrySnapshot> parts = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            TelemetrySource source = sources.get(i);
            try {
                TelemetrySnapshot snapshot = calls.get(i).get();
                lastGood.put(source, snapshot);
                parts.add(snapshot);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                calls.forEach(c -> c.cancel(true));
                throw new TelemetryException("interrupted while polling " + name(), e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                failures.add(source.name() + ": " + (cause instanceof TelemetryException ? cause.getMessage() : String.valueOf(cause)));
                TelemetrySnapshot last = lastGood.get(source);
                if (last != null) {
                    parts.add(last);
                }
            }
        }
        if (failures.size() == sources.size()) {
            throw new TelemetryException(String.join("; ", failures));
        }
        TelemetrySnapshot merged = merge(parts);
        if (!failures.isEmpty()) {
            throw new PartialTelemetryException(String.join("; ", failures), merged);
        }
        return merged;
    }

    static TelemetrySnapshot merge(List<TelemetrySnapshot> parts) {
        Map<EdgeKey, TrafficStats> edges = new HashMap<>();
        Map<ServiceRef, TrafficStats> nodes = new HashMap<>();
        Map<EdgeKey, TrafficStats> totals = new HashMap<>();
        Instant at = Instant.EPOCH;
        for (TelemetrySnapshot part : parts) {
            part.edges().forEach((k, v) -> {
                if (k.source().equals(ServiceRef.UNKNOWN) && part.nodes().containsKey(k.destination())) {
                    totals.merge(k, v, CombinedTelemetry::add);
                } else {
                    edges.merge(k, v, CombinedTelemetry::add);
                }
            });
            // a node two sources report is one node seen twice (a Lambda function by its mesh callers and by
            // CloudWatch): the source that sees more of its calls sees them all
            part.nodes().forEach((k, v) -> nodes.merge(k, v, (a, b) -> a.requestsPerSecond() >= b.requestsPerSecond() ? a : b));
            at = part.at().isAfter(at) ? part.at() : at;
        }
        // what the named callers sent to each destination (and version) that a source also counts in total
        Map<EdgeKey, TrafficStats> named = new HashMap<>();
        edges.forEach((k, v) -> {
            EdgeKey total = new EdgeKey(ServiceRef.UNKNOWN, k.destination(), k.destinationVersion());
            if (!k.source().equals(ServiceRef.UNKNOWN) && totals.containsKey(total)) {
                named.merge(total, v, CombinedTelemetry::add);
            }
        });
        totals.forEach((k, total) -> {
            TrafficStats rest = beyond(total, named.getOrDefault(k, TrafficStats.NONE));
            if (rest.requestsPerSecond() > 0) {
                edges.merge(k, rest, CombinedTelemetry::add);
            }
        });
        return new TelemetrySnapshot(at, edges, nodes);
    }

    /**
     * A source that reports a destination's node and its calls from an unknown caller (CloudWatch for a Lambda
     * function) counts every call to it, the known callers' too: the unknown caller has only what they leave.
     */
    private static TrafficStats beyond(TrafficStats total, TrafficStats named) {
        double rps = total.requestsPerSecond() - named.requestsPerSecond();
        double errors = total.requestsPerSecond() * total.errorRatio() - named.requestsPerSecond() * named.errorRatio();
        return rps <= 1e-9 ? TrafficStats.NONE
                : new TrafficStats(rps, Math.min(1, Math.max(0, errors) / rps), total.p95Millis());
    }

    /** Two reports of the same traffic: rates add, errors weigh by rate, p95 is the worse. */
    private static TrafficStats add(TrafficStats a, TrafficStats b) {
        double rps = a.requestsPerSecond() + b.requestsPerSecond();
        double errors = a.requestsPerSecond() * a.errorRatio() + b.requestsPerSecond() * b.errorRatio();
        double p95 = !a.hasLatency() ? b.p95Millis() : !b.hasLatency() ? a.p95Millis() : Math.max(a.p95Millis(), b.p95Millis());
        return new TrafficStats(rps, rps > 0 ? errors / rps : 0, p95);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        sources.forEach(TelemetrySource::close);
    }
}
