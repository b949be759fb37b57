package dev.meshdeck.core.canary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.traffic.CanaryEditor;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The canary state machine: write a step, watch its interval, judge it, then go on to the next step, watch again
 * (a failed check under the threshold), abort (the weights from before the run restored exactly) or promote. Every
 * write is a recorded change set whose reason carries the figures that justified it; every transition is stored.
 * Callers say when a decision is taken; the injected clock says when a written step took effect, so tests run in
 * virtual time.
 */
public final class CanaryRunner {

    private final CanaryTraffic traffic;
    private final CanaryMetrics metrics;
    private final CanaryRunStore store;
    private final CanaryClock clock;
    /** Writes checked ahead of the coming decision, by what they would do: the next step, the promotion, the restore. */
    private final Map<String, CanaryTraffic.Prepared> ready = new HashMap<>();

    /** @param clock read only when a step's weights are in force: its interval starts then, not when it was decided */
    public CanaryRunner(CanaryTraffic traffic, CanaryMetrics metrics, CanaryRunStore store, CanaryClock clock) {
        this.traffic = traffic;
        this.metrics = metrics;
        this.store = store;
        this.clock = clock;
    }

    /** Why a run cannot start; nothing was written. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Starts a run: reads the live split, writes the first step (unless a gate holds it) and starts its interval.
     *
     * @throws Refused when another run of the function is active, a change of its object is in flight, or the object
     *                 cannot be read or split towards {@code candidate}
     */
    public CanaryRun start(String id, String function, String namespace, RunTarget target, ResourceId resource,
                           String candidate, CanaryPlan plan, String planSource, Owner owner, Instant now) {
        store.active(namespace, function).ifPresent(other -> {
            throw new Refused("canary " + other.id() + " of " + other.functionLabel() + " is " + other.state(now)
                    + "; resume, promote or abort it first (meshdeck canary status)");
        });
        if (traffic.inFlight(resource)) {
            throw new Refused(resource + " is being changed by an apply that has not finished; see meshdeck recover");
        }
        ObjectNode live = readOrRefuse(resource);
        CanaryEditor editor;
        try {
            editor = CanaryEditor.of(live, candidate);
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
        String version = editor.split().candidate();
        List<TrafficShare> shares = CanaryEditor.shares(live);
        List<String> stable = shares.stream().map(TrafficShare::version).filter(v -> !v.equals(version)).toList();
        if (stable.isEmpty()) {
            throw new Refused(function + " has no stable version besides " + version + " to compare with or to fall back to");
        }
        CanaryRun run = new CanaryRun(id, function, namespace, target, resource, version, stable, plan, planSource, live,
                RunStatus.RUNNING, -1, 0, List.of(), shares, now, null, null, false, null, "", List.of(), owner);
        store.save(run);
        return stored(enterStep(run, live, 0, false, now, ""));
    }

    private ObjectNode readOrRefuse(ResourceId resource) {
        try {
            return traffic.read(resource).orElseThrow(() -> new Refused(resource + " does not exist"));
        } catch (GatewayException e) {
            throw new Refused(resource + " cannot be read: " + e.getMessage());
        }
    }

    /** Judges the interval when it is due; before that, or when nothing is watched, the run is answered as it is. */
    public CanaryRun decide(CanaryRun run, Instant now) {
        if (run.status() != RunStatus.RUNNING || run.decisionAt() == null || now.isBefore(run.decisionAt())) {
            return run;
        }
        Optional<ObjectNode> live = liveOrConflict(run);
        if (live.isEmpty()) {
            return stored(run.with(d -> d.end(RunStatus.CONFLICT, conflictReason(run), now)));
        }
        IntervalMetrics figures = null;
        Judgement judgement;
        try {
            figures = metrics.measure(run.intervalFrom(), now);
            judgement = Judgement.of(run.plan(), figures);
        } catch (TelemetryException e) {
            judgement = Judgement.unmeasured(e.getMessage());
        }
        IntervalRecord record = new IntervalRecord(run.step(), run.weight(), run.intervalFrom(), now, figures, judgement);
        CanaryRun judged = run.with(d -> d.intervals.add(record));
        String evidence = "at " + run.weight() + "%: " + judgement.summary(run.plan());
        if (judgement.passed()) {
            if (run.step() < run.plan().lastStep()) {
                return stored(enterStep(judged, live.get(), run.step() + 1, false, now, evidence));
            }
            if (run.plan().confirmPromotion()) {
                return stored(judged.with(d -> {
                    d.status = RunStatus.AWAITING_PROMOTION;
                    d.reason = "every step passed; promote to give " + run.candidate() + " all traffic";
                    d.intervalFrom = null;
                    d.decisionAt = null;
                }));
            }
            return stored(promote(judged, live.get(), now, "every step passed, last " + evidence));
        }
        int failed = run.failedChecks() + 1;
        CanaryRun counted = judged.with(d -> d.failedChecks = failed);
        if (failed >= run.plan().threshold()) {
            return stored(restore(counted, now, RunStatus.ABORTED, failed + " failed check(s), threshold "
                    + run.plan().threshold() + "; last " + evidence));
        }
        return stored(watch(counted, now));
    }

    /** A person's request: pause, resume (on fresh metrics), promote now, abort. */
    public CanaryRun control(CanaryRun run, Control control, Instant now) {
        if (!run.status().active()) {
            return run;
        }
        return stored(switch (control) {
            case PAUSE -> run.status() != RunStatus.RUNNING ? run : run.with(d -> {
                d.status = RunStatus.PAUSED;
                d.reason = "paused by a person at " + run.weight() + "%";
                d.intervalFrom = null;
                d.decisionAt = null;
            });
            case RESUME -> resume(run, now);
            case PROMOTE -> liveOrConflict(run)
                    .map(live -> promote(run, live, now, "promoted by a person at " + run.weight() + "%"))
                    .orElseGet(() -> run.with(d -> d.end(RunStatus.CONFLICT, conflictReason(run), now)));
            case ABORT -> restore(run, now, RunStatus.ABORTED, "aborted by a person at " + run.weight() + "%");
        });
    }

    /** Takes a promoted function back to its state before the run: the rollback after promotion. */
    public CanaryRun rollBack(CanaryRun run, Instant now) {
        if (run.status() != RunStatus.PROMOTED) {
            throw new Refused("canary " + run.id() + " is " + run.status().label() + ", not promoted: nothing to roll back"
                    + (run.status().active() ? " (abort it instead)" : ""));
        }
        return stored(restore(run, now, RunStatus.ROLLED_BACK, "rolled back after promotion"));
    }

    /** Resumes a paused or interrupted run on fresh metrics: a new interval at the last step written. */
    private CanaryRun resume(CanaryRun run, Instant now) {
        if (run.status() == RunStatus.AWAITING_PROMOTION) {
            return run;
        }
        Optional<ObjectNode> live = liveOrConflict(run);
        if (live.isEmpty()) {
            return run.with(d -> d.end(RunStatus.CONFLICT, conflictReason(run), now));
        }
        CanaryRun resumed = run.with(d -> d.status = RunStatus.RUNNING);
        if (run.pausedAtGate() || run.step() < 0) {
            return enterStep(resumed, live.get(), run.step() + 1, true, now, "gate released by a person");
        }
        return watch(resumed, now);
    }

    /** Writes step {@code next}, unless a manual gate stops before it. */
    private CanaryRun enterStep(CanaryRun run, ObjectNode live, int next, boolean gateReleased, Instant now, String evidence) {
        int weight = run.plan().steps().get(next);
        if (!gateReleased && run.plan().pauseBefore().contains(weight)) {
            return run.with(d -> {
                d.status = RunStatus.PAUSED;
                d.pausedAtGate = true;
                d.reason = "manual gate before " + weight + "%: resume to go on";
                d.intervalFrom = null;
                d.decisionAt = null;
            });
        }
        ObjectNode candidate = stepCandidate(run, live, next);
        String reason = "canary " + run.functionLabel() + " step " + (next + 1) + "/" + run.plan().steps().size() + ": "
                + run.candidate() + " to " + weight + "%" + (evidence.isEmpty() ? "" : " (" + evidence + ")");
        CanaryTraffic.Written written = send(run, "step " + next, live, candidate,
                new ApplyRequest(reason, Action.APPLY, null, subject(run)));
        return afterWrite(written, run.with(d -> {
            d.step = next;
            d.status = RunStatus.RUNNING;
            d.pausedAtGate = false;
            d.reason = "";
            d.expectedShares = CanaryEditor.shares(candidate);
        })).map(r -> watch(r, clock.now())).orElseGet(() -> failed(run, written, now));
    }

    private CanaryRun promote(CanaryRun run, ObjectNode live, Instant now, String why) {
        ObjectNode candidate = CanaryEditor.of(live, run.candidate()).promoted().candidate();
        CanaryTraffic.Written written = send(run, "promote", live, candidate, new ApplyRequest("canary "
                + run.functionLabel() + " promotes " + run.candidate() + ": " + why, Action.PROMOTE, null, subject(run)));
        return afterWrite(written, run.with(d -> {
            d.expectedShares = CanaryEditor.shares(candidate);
            d.end(RunStatus.PROMOTED, why, now);
        })).orElseGet(() -> failed(run, written, now));
    }

    /** Puts the weights back as they were before the run (only the spec; the rest stays as live has it). */
    private CanaryRun restore(CanaryRun run, Instant now, RunStatus outcome, String why) {
        ObjectNode live;
        try {
            live = traffic.read(run.resource()).orElse(null);
        } catch (GatewayException e) {
            return run.with(d -> d.end(RunStatus.FAILED, why + "; but " + run.resource() + " cannot be read to restore it: "
                    + e.getMessage() + " (run meshdeck canary abort again)", now));
        }
        if (live == null || run.step() < 0 && run.status() != RunStatus.PROMOTED) {
            return run.with(d -> d.end(outcome, why, now));
        }
        ObjectNode before = restoreCandidate(run, live);
        CanaryTraffic.Written written = send(run, "restore", live, before, new ApplyRequest("canary " + run.functionLabel()
                + " " + outcome.label() + ": " + why + "; weights as before the run", Action.ROLLBACK, relatesTo(run),
                subject(run)));
        return afterWrite(written, run.with(d -> {
            d.expectedShares = CanaryEditor.shares(before);
            d.end(outcome, why, now);
        })).orElseGet(() -> failed(run, written, now));
    }

    /**
     * Checks ahead of the coming decision the writes it may make — the next step (or the promotion) and the restore —
     * so that the decision, once the interval ends, only writes. Called by the loop shortly before the decision.
     */
    public void prepare(CanaryRun run) {
        ready.clear();
        if (run.status() != RunStatus.RUNNING) {
            return;
        }
        Optional<ObjectNode> live = liveOrConflict(run);
        if (live.isEmpty()) {
            return;
        }
        String subject = subject(run);
        if (run.step() < run.plan().lastStep()) {
            if (!run.plan().pauseBefore().contains(run.plan().steps().get(run.step() + 1))) {
                ready.put(key(run, "step " + (run.step() + 1)), traffic.prepare(live.get(), stepCandidate(run, live.get(),
                        run.step() + 1), new ApplyRequest("", Action.APPLY, null, subject)));
            }
        } else if (!run.plan().confirmPromotion()) {
            ready.put(key(run, "promote"), traffic.prepare(live.get(), CanaryEditor.of(live.get(), run.candidate()).promoted()
                    .candidate(), new ApplyRequest("", Action.PROMOTE, null, subject)));
        }
        ready.put(key(run, "restore"), traffic.prepare(live.get(), restoreCandidate(run, live.get()),
                new ApplyRequest("", Action.ROLLBACK, relatesTo(run), subject)));
    }

    /** The prepared write when it is still the one to make on this very live object, else a write from scratch. */
    private CanaryTraffic.Written send(CanaryRun run, String what, ObjectNode live, ObjectNode candidate, ApplyRequest request) {
        CanaryTraffic.Prepared prepared = ready.remove(key(run, what));
        ready.clear();
        // a candidate is the live object, resourceVersion included, with new weights: equal means unchanged since
        if (prepared != null && prepared.candidate().equals(candidate)) {
            return traffic.commit(prepared, request);
        }
        return traffic.write(live, candidate, request);
    }

    private static String key(CanaryRun run, String what) {
        return run.id() + " " + what;
    }

    private static ObjectNode stepCandidate(CanaryRun run, ObjectNode live, int step) {
        return CanaryEditor.of(live, run.candidate()).withCandidatePercent(run.plan().steps().get(step)).candidate();
    }

    /** The live object with the spec from before the run: the weights exactly as they were. */
    private static ObjectNode restoreCandidate(CanaryRun run, ObjectNode live) {
        ObjectNode before = live.deepCopy();
        before.set("spec", run.original().get("spec").deepCopy());
        return before;
    }

    private static Long relatesTo(CanaryRun run) {
        return run.history().isEmpty() ? null : run.history().get(0);
    }

    /** A fresh interval at the current step: figures from before now never count. */
    private CanaryRun watch(CanaryRun run, Instant now) {
        try {
            metrics.intervalStarts(now);
        } catch (TelemetryException e) {
            // measure() at the interval's end fails the same way and counts it as a failed check
        }
        return run.with(d -> {
            d.status = RunStatus.RUNNING;
            d.intervalFrom = now;
            d.decisionAt = now.plus(run.plan().interval());
        });
    }

    /** The written run with its history entry, or empty when the write did not happen. */
    private static Optional<CanaryRun> afterWrite(CanaryTraffic.Written written, CanaryRun next) {
        if (!written.outcome().applied()) {
            return Optional.empty();
        }
        return Optional.of(written.historyId() == null ? next : next.with(d -> d.history.add(written.historyId())));
    }

    private static CanaryRun failed(CanaryRun run, CanaryTraffic.Written written, Instant now) {
        ApplyOutcome outcome = written.outcome();
        RunStatus status = outcome instanceof ApplyOutcome.Conflict ? RunStatus.CONFLICT : RunStatus.FAILED;
        return run.with(d -> d.end(status, outcome.summary(), now));
    }

    /** The live object, unless its weights are no longer those the run wrote (empty: a conflict). */
    private Optional<ObjectNode> liveOrConflict(CanaryRun run) {
        ObjectNode live = readOrRefuse(run.resource());
        return sameShares(CanaryEditor.shares(live), run.expectedShares()) ? Optional.of(live) : Optional.empty();
    }

    private String conflictReason(CanaryRun run) {
        String now;
        try {
            now = traffic.read(run.resource()).map(o -> shares(CanaryEditor.shares(o))).orElse("gone");
        } catch (GatewayException e) {
            now = "unreadable";
        }
        return "someone else changed the weights of " + run.resource() + ": " + now + " instead of "
                + shares(run.expectedShares()) + "; the run stopped and wrote nothing";
    }

    static boolean sameShares(List<TrafficShare> a, List<TrafficShare> b) {
        return key(a).equals(key(b));
    }

    private static String key(List<TrafficShare> shares) {
        return shares.stream().filter(s -> s.percent() > 0.005)
                .map(s -> s.version() + "=" + String.format(Locale.ROOT, "%.2f", s.percent())).sorted()
                .collect(Collectors.joining(","));
    }

    static String shares(List<TrafficShare> shares) {
        return shares.stream().map(s -> s.version() + " " + String.format(Locale.ROOT, "%.0f", s.percent()) + "%")
                .collect(Collectors.joining(", "));
    }

    private static String subject(CanaryRun run) {
        return "canary " + run.functionLabel();
    }

    private CanaryRun stored(CanaryRun run) {
        store.save(run);
        return run;
    }
}
