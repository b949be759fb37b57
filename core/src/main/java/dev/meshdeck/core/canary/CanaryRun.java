package dev.meshdeck.core.canary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.inventory.TrafficShare;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A canary run as stored after every step: enough to show it, resume it in another process, abort it or roll a
 * promotion back. {@code original} is the traffic object as it was before the first step, so an abort or a
 * rollback puts its weights back exactly.
 *
 * @param namespace      the function's namespace ("" for Lambda)
 * @param resource       the object carrying the traffic (VirtualService, Knative Service, LambdaAlias)
 * @param stable         the version(s) that held the traffic before, for the figures of comparison
 * @param planSource     where the plan came from: "defaults", "ConfigMap ns/meshdeck-canary-plan", and the options
 *                       given on the command line over it
 * @param step           index of the step in force, -1 before the first one is written
 * @param expectedShares the shares the run last wrote: anything else live means someone else changed them
 * @param intervalFrom   when the interval being watched started (null when none is)
 * @param decisionAt     when that interval is judged (null when none is watched)
 * @param pausedAtGate   paused before step {@code step + 1}, a manual gate, rather than by a person mid-step
 * @param reason         why it ended (aborted, conflict, failed) or what it waits for; "" otherwise
 * @param history        the history entries of its change sets, in order
 * @param owner          the process driving it, or null when none does
 */
public record CanaryRun(String id, String function, String namespace, RunTarget target, ResourceId resource,
                        String candidate, List<String> stable, CanaryPlan plan, String planSource, ObjectNode original,
                        RunStatus status,
                        int step, int failedChecks, List<IntervalRecord> intervals, List<TrafficShare> expectedShares,
                        Instant started, Instant intervalFrom, Instant decisionAt, boolean pausedAtGate, Instant finished,
                        String reason, List<Long> history, Owner owner) {

    public CanaryRun {
        stable = List.copyOf(stable);
        intervals = List.copyOf(intervals);
        expectedShares = List.copyOf(expectedShares);
        history = List.copyOf(history);
        reason = reason == null ? "" : reason;
        planSource = planSource == null ? "" : planSource;
        original = original.deepCopy();
    }

    /** "serverless/order-function" or "invoice-pdf". */
    public String functionLabel() {
        return namespace.isEmpty() ? function : namespace + "/" + function;
    }

    /** The candidate's weight now: the current step's, 0 before the first, 100 once promoted. */
    public int weight() {
        if (status == RunStatus.PROMOTED) {
            return 100;
        }
        return step < 0 || status == RunStatus.ABORTED || status == RunStatus.ROLLED_BACK ? 0 : plan.steps().get(step);
    }

    /** Active, but nobody drives it: its process died or the machine slept. */
    public boolean interrupted(Instant now) {
        return status.active() && (owner == null || !owner.alive(now));
    }

    /** The state a person reads: "interrupted" for an active run nobody drives, else the status. */
    public String state(Instant now) {
        return interrupted(now) ? "interrupted (" + status.label() + ")" : status.label();
    }

    /** The same run with the changes {@code edit} makes to a draft of it. */
    public CanaryRun with(Consumer<Draft> edit) {
        Draft d = new Draft(this);
        edit.accept(d);
        return new CanaryRun(id, function, namespace, target, resource, candidate, stable, plan, planSource, original, d.status,
                d.step, d.failedChecks, d.intervals, d.expectedShares, started, d.intervalFrom, d.decisionAt, d.pausedAtGate,
                d.finished, d.reason, d.history, d.owner);
    }

    /** The parts of a run that change as it goes. */
    public static final class Draft {
        public RunStatus status;
        public int step;
        public int failedChecks;
        public final List<IntervalRecord> intervals;
        public List<TrafficShare> expectedShares;
        public Instant intervalFrom;
        public Instant decisionAt;
        public boolean pausedAtGate;
        public Instant finished;
        public String reason;
        public final List<Long> history;
        public Owner owner;

        private Draft(CanaryRun run) {
            status = run.status;
            step = run.step;
            failedChecks = run.failedChecks;
            intervals = new ArrayList<>(run.intervals);
            expectedShares = run.expectedShares;
            intervalFrom = run.intervalFrom;
            decisionAt = run.decisionAt;
            pausedAtGate = run.pausedAtGate;
            finished = run.finished;
            reason = run.reason;
            history = new ArrayList<>(run.history);
            owner = run.owner;
        }

        /** Ends the run: nothing is watched any more. */
        public void end(RunStatus outcome, String why, Instant at) {
            status = outcome;
            reason = why;
            finished = at;
            intervalFrom = null;
            decisionAt = null;
        }
    }
}
