package dev.meshdeck.views.canary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.canary.CanaryPlan;
import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunStore;
import dev.meshdeck.core.canary.Control;
import dev.meshdeck.core.canary.IntervalMetrics;
import dev.meshdeck.core.canary.IntervalRecord;
import dev.meshdeck.core.canary.Judgement;
import dev.meshdeck.core.canary.Owner;
import dev.meshdeck.core.canary.RunStatus;
import dev.meshdeck.core.canary.RunTarget;
import dev.meshdeck.core.canary.VersionFigures;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.inventory.TrafficShare;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Runs as the sandbox leaves them: order-function promoted, image-resize aborted at 40 %, one still running. */
public final class CanaryRunFixtures {

    public static final Instant NOW = Instant.parse("2026-12-07T22:00:00Z");

    private CanaryRunFixtures() {
    }

    static CanaryPlan plan(List<Integer> steps) {
        return new CanaryPlan(steps, Duration.ofSeconds(10), 99, CanaryPlan.DEFAULT_LATENCY, null, 10, 1, Set.of(), false);
    }

    static IntervalRecord interval(CanaryPlan plan, int step, Instant from, double candidateErrors, double p99) {
        IntervalMetrics metrics = new IntervalMetrics(new VersionFigures(40, 40 * candidateErrors, p99 * 0.7, p99),
                new VersionFigures(160, 0.8, 250, 380));
        return new IntervalRecord(step, plan.steps().get(step), from, from.plusSeconds(10), metrics, Judgement.of(plan, metrics));
    }

    static CanaryRun run(String id, String function, String candidate, String stable, CanaryPlan plan, RunStatus status,
                         int step, List<IntervalRecord> intervals, Instant decisionAt, Owner owner, String reason) {
        ObjectNode original;
        try {
            original = (ObjectNode) new ObjectMapper().readTree("{\"kind\": \"Service\", \"spec\": {}}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new CanaryRun(id, function, "serverless", RunTarget.kube("meshdeck-sandbox"),
                new ResourceId("serving.knative.dev/v1", "Service", "serverless", function), candidate, List.of(stable), plan,
                "defaults", original, status, step, status == RunStatus.ABORTED ? 1 : 0, intervals,
                List.of(new TrafficShare(stable, 90), new TrafficShare(candidate, 10)), NOW.minusSeconds(60),
                decisionAt == null ? null : decisionAt.minusSeconds(10), decisionAt, false,
                status.active() ? null : NOW.minusSeconds(5), reason, List.of(1L, 2L), owner);
    }

    public static List<CanaryRun> sandboxRuns() {
        CanaryPlan order = plan(List.of(25, 50));
        CanaryPlan image = plan(List.of(20, 40, 60, 80));
        Instant t = NOW.minusSeconds(50);
        return List.of(
                run("image-resize-1", "image-resize", "image-resize-00002", "image-resize-00001", image, RunStatus.ABORTED, 1,
                        List.of(interval(image, 0, t, 0.005, 410), interval(image, 1, t.plusSeconds(11), 0.09, 420)), null, null,
                        "1 failed check(s), threshold 1; last at 40%: success rate 91% < 99% (FAILED)"),
                run("order-function-1", "order-function", "order-function-v2", "order-function-v1", order, RunStatus.PROMOTED, 1,
                        List.of(interval(order, 0, t, 0.004, 390), interval(order, 1, t.plusSeconds(11), 0.004, 386)), null,
                        null, "every step passed"));
    }

    /** A run at 25 % whose process beats now, judged in 7 s. */
    public static CanaryRun running() {
        CanaryPlan order = plan(List.of(25, 50));
        return run("order-function-2", "order-function", "order-function-v2", "order-function-v1", order, RunStatus.RUNNING, 0,
                List.of(), NOW.plusSeconds(7), new Owner(4242, NOW.minusSeconds(1)), "");
    }

    /** Requests as the store keeps them. */
    public static final class Store implements CanaryRunStore {
        public final List<CanaryRun> runs = new ArrayList<>();
        public final Map<String, Control> requests = new LinkedHashMap<>();

        @Override
        public void save(CanaryRun run) {
            runs.removeIf(r -> r.id().equals(run.id()));
            runs.add(0, run);
        }

        @Override
        public List<CanaryRun> runs() {
            return List.copyOf(runs);
        }

        @Override
        public void beat(String id, Owner owner) {
            CanaryRun run = runs.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
            save(run.with(d -> d.owner = owner));
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
}
