package dev.meshdeck.core.canary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ConflictedResource;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.traffic.CanaryEditor;
import dev.meshdeck.core.yaml.YamlReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/** A canary's world in memory and virtual time: one VirtualService, its metrics as a function of the weight, a store. */
final class CanaryFixtures {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final ResourceId VS = new ResourceId("networking.istio.io/v1", "VirtualService", "serverless", "order-function");

    private CanaryFixtures() {
    }

    static ObjectNode orderFunction() {
        try {
            return (ObjectNode) new YamlReader().read("live.yaml", """
                    apiVersion: networking.istio.io/v1
                    kind: VirtualService
                    metadata:
                      name: order-function
                      namespace: serverless
                      resourceVersion: "1"
                    spec:
                      hosts:
                      - order-function
                      http:
                      - route:
                        - destination:
                            host: order-function
                            subset: v1
                          weight: 90
                        - destination:
                            host: order-function
                            subset: v2
                          weight: 10
                    """).get(0).tree();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The object and every write to it, with resourceVersion preconditions as a server checks them. */
    static final class Traffic implements CanaryTraffic {
        ObjectNode live = orderFunction();
        final List<ApplyRequest> writes = new ArrayList<>();
        int version = 1;
        /** What a write costs, e.g. virtual seconds of a slow API server. */
        Runnable onWrite = () -> { };

        @Override
        public Optional<ObjectNode> read(ResourceId id) {
            return Optional.of(live.deepCopy());
        }

        /** How many writes were checked ahead of their decision, and how many of those were written as checked. */
        int prepared;
        int committedAsPrepared;

        @Override
        public Prepared prepare(ObjectNode before, ObjectNode candidate, ApplyRequest request) {
            prepared++;
            return new Prepared(before, candidate, null);
        }

        @Override
        public Written write(ObjectNode before, ObjectNode candidate, ApplyRequest request) {
            return commit(new Prepared(before, candidate, null), request, false);
        }

        @Override
        public Written commit(Prepared ready, ApplyRequest request) {
            return commit(ready, request, true);
        }

        private Written commit(Prepared ready, ApplyRequest request, boolean asPrepared) {
            ResourceChange change = ResourceChange.of(ready.live(), ready.candidate());
            if (!change.expectedVersion().equals(live.at("/metadata/resourceVersion").asText())) {
                return new Written(new ApplyOutcome.Conflict(List.<ConflictedResource>of(), "changed", List.of()), null);
            }
            writes.add(request);
            committedAsPrepared += asPrepared ? 1 : 0;
            onWrite.run();
            live = stamped(ready.candidate());
            return new Written(new ApplyOutcome.Applied(ChangeSet.of(change)), (long) writes.size());
        }

        /** An apply of the object that has not finished (journaled, interrupted). */
        boolean unfinishedApply;

        @Override
        public boolean inFlight(ResourceId id) {
            return unfinishedApply && id.equals(VS);
        }

        /** Someone else sets the weights. */
        void setByOthers(int candidatePercent) {
            live = stamped(CanaryEditor.of(live, "v2").withCandidatePercent(candidatePercent).candidate());
        }

        private ObjectNode stamped(ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            ((ObjectNode) copy.get("metadata")).put("resourceVersion", Integer.toString(++version));
            return copy;
        }

        int candidatePercent() {
            return (int) Math.round(CanaryEditor.shares(live).stream().filter(s -> s.version().equals("v2"))
                    .mapToDouble(TrafficShare::percent).sum());
        }

        List<TrafficShare> shares() {
            return CanaryEditor.shares(live);
        }
    }

    /** Figures that depend on the candidate's weight now: {@code errorRatio} per weight, 10 requests a second in all. */
    static final class Metrics implements CanaryMetrics {
        final Traffic traffic;
        IntFunction<Double> candidateErrorRatio = weight -> 0.001;
        double requestsPerSecond = 10;
        final List<Instant> starts = new ArrayList<>();

        Metrics(Traffic traffic) {
            this.traffic = traffic;
        }

        @Override
        public void intervalStarts(Instant at) {
            starts.add(at);
        }

        @Override
        public IntervalMetrics measure(Instant from, Instant to) {
            double seconds = Duration.between(from, to).toMillis() / 1000.0;
            int weight = traffic.candidatePercent();
            double candidate = requestsPerSecond * seconds * weight / 100;
            double stable = requestsPerSecond * seconds - candidate;
            return new IntervalMetrics(new VersionFigures(candidate, candidate * candidateErrorRatio.apply(weight), 80, 120),
                    new VersionFigures(stable, stable * 0.001, 70, 100));
        }
    }

    static final class Store implements CanaryRunStore {
        final Map<String, CanaryRun> runs = new LinkedHashMap<>();
        final Map<String, Control> requests = new LinkedHashMap<>();
        int saves;

        @Override
        public void save(CanaryRun run) {
            runs.put(run.id(), run);
            saves++;
        }

        @Override
        public List<CanaryRun> runs() {
            List<CanaryRun> all = new ArrayList<>(runs.values());
            java.util.Collections.reverse(all);
            return all;
        }

        @Override
        public void beat(String id, Owner owner) {
            save(runs.get(id).with(d -> d.owner = owner));
        }

        @Override
        public void request(String id, Control control) {
            requests.put(id, control);
        }

        @Override
        public Optional<Control> takeRequest(String id) {
            return Optional.ofNullable(requests.remove(id));
        }
    }

    /** Virtual time: sleeping moves the clock, and {@code at} lets a test act at a given moment. */
    static final class Clock implements CanaryClock {
        Instant now = T0;
        final Map<Instant, Runnable> at = new LinkedHashMap<>();

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void sleepUntil(Instant wake) {
            for (Map.Entry<Instant, Runnable> e : new ArrayList<>(at.entrySet())) {
                if (!e.getKey().isAfter(wake)) {
                    at.remove(e.getKey());
                    now = e.getKey().isAfter(now) ? e.getKey() : now;
                    e.getValue().run();
                }
            }
            if (wake.isAfter(now)) {
                now = wake;
            }
        }
    }
}
