package dev.meshdeck.core.canary;

import static dev.meshdeck.core.canary.CanaryFixtures.T0;
import static dev.meshdeck.core.canary.CanaryFixtures.VS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.history.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanaryRunnerTest {

    final CanaryFixtures.Traffic traffic = new CanaryFixtures.Traffic();
    final CanaryFixtures.Metrics metrics = new CanaryFixtures.Metrics(traffic);
    final CanaryFixtures.Store store = new CanaryFixtures.Store();
    final CanaryFixtures.Clock clock = new CanaryFixtures.Clock();
    final CanaryRunner runner = new CanaryRunner(traffic, metrics, store, clock);

    static CanaryPlan plan(List<Integer> steps, int threshold) {
        return new CanaryPlan(steps, Duration.ofSeconds(10), 99, CanaryPlan.DEFAULT_LATENCY, null, 10, threshold, Set.of(), false);
    }

    CanaryRun start(CanaryPlan plan) {
        return runner.start("r1", "order-function", "serverless", RunTarget.kube("sandbox"), VS, "v2", plan, "defaults",
                new Owner(1, T0), clock.now());
    }

    CanaryRun drive(CanaryRun run) throws InterruptedException {
        return new CanaryLoop(runner, store, clock, 1).drive(run, r -> { });
    }

    @Test
    void healthyCandidatePromotesStepByStepEachStepARecordedChangeWithItsFigures() throws Exception {
        CanaryRun run = drive(start(plan(List.of(25, 50), 5)));

        assertThat(run.status()).isEqualTo(RunStatus.PROMOTED);
        assertThat(traffic.candidatePercent()).isEqualTo(100);
        assertThat(traffic.writes).extracting(ApplyRequest::action).containsExactly(Action.APPLY, Action.APPLY, Action.PROMOTE);
        assertThat(traffic.writes.get(0).reason()).isEqualTo("canary serverless/order-function step 1/2: v2 to 25%");
        assertThat(traffic.writes.get(1).reason()).startsWith("canary serverless/order-function step 2/2: v2 to 50% (at 25%: "
                + "requests 25 ≥ 10, success rate 99.90% ≥ 99%, p99 latency 120ms ≤ 500ms)");
        assertThat(traffic.writes.get(2).reason()).contains("promotes v2", "at 50%: requests 50 ≥ 10");
        // judged the moment each interval ended, in virtual time
        assertThat(run.intervals()).extracting(IntervalRecord::to).containsExactly(T0.plusSeconds(10), T0.plusSeconds(20));
        assertThat(run.intervals()).extracting(IntervalRecord::weight).containsExactly(25, 50);
        assertThat(run.history()).containsExactly(1L, 2L, 3L);
        assertThat(store.runs.get("r1")).isEqualTo(run);
        // the step after each interval and the promotion were checked ahead, so the decisions only wrote
        assertThat(traffic.committedAsPrepared).isEqualTo(2);
    }

    @Test
    void aPreparedWriteIsDroppedWhenTheObjectChangedSinceItWasChecked() throws Exception {
        // someone relabels the object (not its weights) after the check: the decision checks and writes afresh
        clock.at.put(T0.plusSeconds(8), () -> ((com.fasterxml.jackson.databind.node.ObjectNode) traffic.live.get("metadata"))
                .put("resourceVersion", "99"));

        CanaryRun run = drive(start(plan(List.of(25, 50), 5)));

        assertThat(run.status()).isEqualTo(RunStatus.PROMOTED);
        assertThat(traffic.committedAsPrepared).isEqualTo(1);
    }

    @Test
    void anIntervalStartsWhenItsStepIsWrittenNotWhenItWasDecided() throws Exception {
        traffic.onWrite = () -> clock.now = clock.now.plusSeconds(3);

        CanaryRun run = drive(start(plan(List.of(25, 50), 5)));

        assertThat(run.intervals()).extracting(IntervalRecord::from).containsExactly(T0.plusSeconds(3), T0.plusSeconds(16));
        assertThat(run.intervals()).extracting(IntervalRecord::to).containsExactly(T0.plusSeconds(13), T0.plusSeconds(26));
    }

    @Test
    void degradingCandidateAbortsAndTheStableWeightsComeBackExactly() throws Exception {
        var before = traffic.live.get("spec").deepCopy();
        metrics.candidateErrorRatio = weight -> weight > 20 ? 0.08 : 0.005;

        CanaryRun run = drive(start(plan(List.of(20, 40, 60, 80), 1)));

        assertThat(run.status()).isEqualTo(RunStatus.ABORTED);
        assertThat(run.reason()).startsWith("1 failed check(s), threshold 1; last at 40%: ")
                .contains("success rate 92% < 99% (FAILED)");
        assertThat(traffic.live.get("spec")).isEqualTo(before);
        assertThat(traffic.writes).extracting(ApplyRequest::action).containsExactly(Action.APPLY, Action.APPLY, Action.ROLLBACK);
        assertThat(traffic.writes.get(2).relatesTo()).isEqualTo(1L);
        assertThat(run.weight()).isZero();
    }

    @Test
    void aFailedCheckUnderTheThresholdWatchesTheSameStepAgain() throws Exception {
        int[] judged = {0};
        metrics.candidateErrorRatio = weight -> judged[0]++ == 0 ? 0.5 : 0.001;

        CanaryRun run = drive(start(plan(List.of(25, 50), 2)));

        assertThat(run.status()).isEqualTo(RunStatus.PROMOTED);
        assertThat(run.failedChecks()).isEqualTo(1);
        assertThat(run.intervals()).extracting(IntervalRecord::weight).containsExactly(25, 25, 50);
        assertThat(run.intervals()).extracting(i -> i.judgement().passed()).containsExactly(false, true, true);
    }

    @Test
    void noTrafficIsNeverSuccess() throws Exception {
        metrics.requestsPerSecond = 0;

        CanaryRun run = drive(start(plan(List.of(25, 50), 1)));

        assertThat(run.status()).isEqualTo(RunStatus.ABORTED);
        assertThat(run.reason()).contains("requests 0 < 10 (FAILED)");
        assertThat(traffic.candidatePercent()).isEqualTo(10);
    }

    @Test
    void unreadableMetricsCountAsAFailedCheck() throws Exception {
        CanaryRunner blind = new CanaryRunner(traffic, (from, to) -> {
            throw new dev.meshdeck.core.telemetry.TelemetryException("prometheus http://127.0.0.1:9 refused the connection");
        }, store, clock);

        CanaryRun run = new CanaryLoop(blind, store, clock, 1).drive(blind.start("r1", "order-function", "serverless",
                RunTarget.kube("sandbox"), VS, "v2", plan(List.of(25), 1), "defaults", new Owner(1, T0), T0), r -> { });

        assertThat(run.status()).isEqualTo(RunStatus.ABORTED);
        assertThat(run.reason()).contains("no metrics: prometheus http://127.0.0.1:9 refused the connection");
    }

    @Test
    void aPausedRunJudgesNothingAndResumesOnAFreshInterval() throws Exception {
        clock.at.put(T0.plusSeconds(4), () -> store.request("r1", Control.PAUSE));
        clock.at.put(T0.plusSeconds(60), () -> store.request("r1", Control.RESUME));

        CanaryRun run = drive(start(plan(List.of(25, 50), 5)));

        assertThat(run.status()).isEqualTo(RunStatus.PROMOTED);
        // the interval cut by the pause was never judged; the figures after resuming start at the resume
        assertThat(run.intervals()).extracting(IntervalRecord::from).containsExactly(T0.plusSeconds(60), T0.plusSeconds(70));
        assertThat(metrics.starts).contains(T0.plusSeconds(60));
    }

    @Test
    void someoneElseChangingTheWeightsStopsTheRunAsAConflictWithoutOverwriting() throws Exception {
        clock.at.put(T0.plusSeconds(5), () -> traffic.setByOthers(70));

        CanaryRun run = drive(start(plan(List.of(25, 50), 5)));

        assertThat(run.status()).isEqualTo(RunStatus.CONFLICT);
        assertThat(run.reason()).contains("someone else changed the weights", "v2 70%", "instead of v1 75%, v2 25%");
        assertThat(traffic.candidatePercent()).isEqualTo(70);
        assertThat(traffic.writes).hasSize(1);
    }

    @Test
    void aManualGateHoldsTheStepUntilAPersonReleasesIt() throws Exception {
        CanaryPlan gated = new CanaryPlan(List.of(25, 50), Duration.ofSeconds(10), 99, null, null, 10, 5, Set.of(50), true);
        clock.at.put(T0.plusSeconds(100), () -> store.request("r1", Control.RESUME));
        clock.at.put(T0.plusSeconds(200), () -> store.request("r1", Control.PROMOTE));
        List<RunStatus> seen = new java.util.ArrayList<>();

        CanaryRun run = new CanaryLoop(runner, store, clock, 1).drive(start(gated), r -> seen.add(r.status()));

        assertThat(seen).containsSubsequence(RunStatus.PAUSED, RunStatus.RUNNING, RunStatus.AWAITING_PROMOTION,
                RunStatus.PROMOTED);
        assertThat(run.intervals()).extracting(IntervalRecord::from).containsExactly(T0, T0.plusSeconds(100));
        assertThat(run.finished()).isEqualTo(T0.plusSeconds(200));
    }

    @Test
    void promoteNowAndAbortComeFromTheStore() throws Exception {
        clock.at.put(T0.plusSeconds(3), () -> store.request("r1", Control.ABORT));
        CanaryRun run = drive(start(plan(List.of(25, 50), 5)));
        assertThat(run.status()).isEqualTo(RunStatus.ABORTED);
        assertThat(run.reason()).isEqualTo("aborted by a person at 25%");
        assertThat(traffic.candidatePercent()).isEqualTo(10);
    }

    @Test
    void aSecondRunOfTheSameFunctionIsRefusedWhileOneIsActive() {
        start(plan(List.of(25, 50), 5));

        assertThatThrownBy(() -> runner.start("r2", "order-function", "serverless", RunTarget.kube("sandbox"), VS, "v2",
                plan(List.of(30), 5), "defaults", new Owner(2, T0), T0))
                .isInstanceOf(CanaryRunner.Refused.class).hasMessageContaining("canary r1 of serverless/order-function is running");
        assertThat(traffic.writes).hasSize(1);
    }

    @Test
    void aRunIsRefusedWhileAnApplyOfItsObjectIsUnfinished() {
        traffic.unfinishedApply = true;

        assertThatThrownBy(() -> start(plan(List.of(25), 5))).isInstanceOf(CanaryRunner.Refused.class)
                .hasMessageContaining("has not finished; see meshdeck recover");
        assertThat(traffic.writes).isEmpty();
        assertThat(store.runs).isEmpty();
    }

    @Test
    void anInterruptedRunShowsAsSuchAndResumesWithoutStaleFigures() {
        CanaryRun run = start(plan(List.of(25, 50), 5));
        Instant later = T0.plus(Duration.ofHours(8));

        assertThat(run.interrupted(later)).isTrue();
        assertThat(run.state(later)).isEqualTo("interrupted (running)");
        CanaryRun resumed = runner.control(run, Control.RESUME, later);

        assertThat(resumed.intervalFrom()).isEqualTo(later);
        assertThat(resumed.decisionAt()).isEqualTo(later.plusSeconds(10));
        assertThat(resumed.step()).isZero();
        assertThat(traffic.writes).hasSize(1);
    }

    @Test
    void aPromotionRollsBackToThePreCanaryStateInOneStep() throws Exception {
        var before = traffic.live.get("spec").deepCopy();
        CanaryRun promoted = drive(start(plan(List.of(50), 5)));

        CanaryRun back = runner.rollBack(promoted, clock.now());

        assertThat(back.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(traffic.live.get("spec")).isEqualTo(before);
        assertThat(traffic.writes.get(traffic.writes.size() - 1).action()).isEqualTo(Action.ROLLBACK);
    }
}
