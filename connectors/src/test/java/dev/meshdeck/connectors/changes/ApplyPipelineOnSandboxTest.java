package dev.meshdeck.connectors.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.Plan;
import dev.meshdeck.core.changes.RestoreStep;
import dev.meshdeck.core.changes.Rollbacks;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The apply pipeline against the sandbox API: all or nothing, verified by reading the cluster. */
class ApplyPipelineOnSandboxTest {

    @TempDir
    Path dir;
    SandboxCluster cluster;
    Path data;

    @BeforeEach
    void start() {
        cluster = new SandboxCluster(dir);
        data = dir.resolve("data");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void threeResourceChangeIsAppliedVerifiedAndRecorded() throws Exception {
        ApplyPipeline pipeline = cluster.pipeline(data);
        ChangeSet changes = cluster.threeChanges();

        Plan plan = pipeline.plan(changes, ApplyRequest.apply(""), ApplyProgress.NONE);
        assertThat(plan.refusal()).as(plan.refusal().map(ApplyOutcome::summary).orElse("")).isEmpty();
        assertThat(plan.diff()).contains("-      weight: 90", "+      weight: 50", "+      simple: ROUND_ROBIN",
                "# create PeerAuthentication serverless/order-function-strict");
        ApplyOutcome outcome = pipeline.apply(plan, ApplyRequest.apply("canary to half"), ApplyProgress.NONE);

        assertThat(outcome).as(outcome.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(cluster.live(SandboxCluster.VS).at("/spec/http/0/route/1/weight").asInt()).isEqualTo(50);
        assertThat(cluster.live(SandboxCluster.DR).at("/spec/trafficPolicy/loadBalancer/simple").asText()).isEqualTo("ROUND_ROBIN");
        assertThat(cluster.live(SandboxCluster.PA).at("/spec/mtls/mode").asText()).isEqualTo("STRICT");

        HistoryEntry entry = new H2ChangeHistory(data).entries().get(0);
        assertThat(entry.status()).isEqualTo(Status.APPLIED);
        assertThat(entry.reason()).isEqualTo("canary to half");
        assertThat(entry.target()).isEqualTo(new WriteTarget.KubeContext("meshdeck-sandbox"));
        assertThat(entry.identity()).isEqualTo("kubeconfig user meshdeck-sandbox");
        assertThat(entry.written()).containsExactly(true, true, true);
        assertThat(Files.readString(data.resolve("audit.jsonl"))).contains("\"action\":\"update\"", "\"action\":\"create\"",
                "\"result\":\"ok\"");
    }

    static List<Arguments> faults() {
        List<Arguments> all = new java.util.ArrayList<>();
        for (int position = 1; position <= 3; position++) {
            for (String fault : List.of("403", "409", "500", "timeout")) {
                all.add(Arguments.of(position, fault));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "write {0} fails with {1}")
    @MethodSource("faults")
    void aFailingWriteLeavesTheClusterExactlyAsBefore(int position, String fault) throws Exception {
        ApplyPipeline pipeline = cluster.pipeline(data);
        ChangeSet changes = cluster.threeChanges();
        Plan plan = pipeline.plan(changes, ApplyRequest.apply(""), ApplyProgress.NONE);
        String before = cluster.snapshot();
        if (fault.equals("timeout")) {
            cluster.kube.faults().stallWrite(position, Duration.ofSeconds(4));
        } else {
            cluster.kube.faults().failWrite(position, Integer.parseInt(fault));
        }

        ApplyOutcome outcome = pipeline.apply(plan, ApplyRequest.apply("fault " + fault), ApplyProgress.NONE);
        cluster.kube.faults().clear();

        assertThat(outcome.applied()).isFalse();
        assertThat(cluster.snapshot()).as(outcome.summary()).isEqualTo(before);
        List<RestoreStep> steps = outcome instanceof ApplyOutcome.RolledBack r ? r.steps()
                : ((ApplyOutcome.Conflict) outcome).steps();
        assertThat(steps).as(outcome.summary()).hasSize(3).allMatch(s -> s.result().consistent());
        assertThat(outcome.summary()).contains(fault.equals("timeout") ? "no answer" : fault);
        Status recorded = new H2ChangeHistory(data).entries().get(0).status();
        assertThat(recorded).isEqualTo(fault.equals("409") ? Status.CONFLICT : Status.ROLLED_BACK);
    }

    @Test
    void anExternalEditBetweenLoadAndApplyIsAConflictAndNothingIsWritten() throws Exception {
        ApplyPipeline pipeline = cluster.pipeline(data);
        ChangeSet changes = cluster.threeChanges();
        Plan plan = pipeline.plan(changes, ApplyRequest.apply(""), ApplyProgress.NONE);
        // someone sets a timeout on the route while the person reads the diff
        ObjectNode theirs = cluster.live(SandboxCluster.VS);
        ((ObjectNode) theirs.at("/spec/http/0")).put("timeout", "3s");
        cluster.gateway.update(theirs, theirs.at("/metadata/resourceVersion").asText());
        String before = cluster.snapshot();

        ApplyOutcome outcome = pipeline.apply(plan, ApplyRequest.apply(""), ApplyProgress.NONE);

        assertThat(outcome).isInstanceOf(ApplyOutcome.Conflict.class);
        assertThat(cluster.snapshot()).isEqualTo(before);
        assertThat(new H2ChangeHistory(data).entries()).isEmpty();
        ApplyOutcome.Conflict conflict = (ApplyOutcome.Conflict) outcome;
        assertThat(conflict.conflicts()).hasSize(1);
        assertThat(conflict.conflicts().get(0).threeWayDiff())
                .contains("+    timeout: 3s", "+      weight: 50", "rebase keeps both");

        // they touched the timeout, I touched the weights: the rebase keeps both
        ChangeSet rebased = conflict.rebase(changes).orElseThrow();
        ApplyOutcome second = pipeline.planAndApply(rebased, ApplyRequest.apply("rebased"), ApplyProgress.NONE);
        assertThat(second).as(second.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        ObjectNode vs = cluster.live(SandboxCluster.VS);
        assertThat(vs.at("/spec/http/0/timeout").asText()).isEqualTo("3s");
        assertThat(vs.at("/spec/http/0/route/0/weight").asInt()).isEqualTo(50);
    }

    @Test
    void anEditOfTheSameFieldCannotBeRebased() throws Exception {
        ApplyPipeline pipeline = cluster.pipeline(data);
        ChangeSet changes = cluster.threeChanges();
        ObjectNode theirs = cluster.live(SandboxCluster.VS);
        ((ObjectNode) theirs.at("/spec/http/0/route/0")).put("weight", 80);
        ((ObjectNode) theirs.at("/spec/http/0/route/1")).put("weight", 20);
        cluster.gateway.update(theirs, theirs.at("/metadata/resourceVersion").asText());

        ApplyOutcome outcome = pipeline.planAndApply(changes, ApplyRequest.apply(""), ApplyProgress.NONE);

        ApplyOutcome.Conflict conflict = (ApplyOutcome.Conflict) outcome;
        assertThat(conflict.rebase(changes)).isEmpty();
        assertThat(conflict.conflicts().get(0).overlappingFields()).contains("/spec/http/0/route/0/weight");
        assertThat(cluster.live(SandboxCluster.VS).at("/spec/http/0/route/0/weight").asInt()).isEqualTo(80);
    }

    @Test
    void rollbackFromAReopenedHistoryRestoresTheClusterExactly() throws Exception {
        String before = cluster.snapshot();
        ApplyOutcome applied = cluster.pipeline(data).planAndApply(cluster.threeChanges(), ApplyRequest.apply("to roll back"), ApplyProgress.NONE);
        assertThat(applied.applied()).as(applied.summary()).isTrue();

        // a new process: a new store on the same directory
        ApplyPipeline later = cluster.pipeline(data);
        HistoryEntry entry = later.history().entries().get(0);
        assertThat(entry.reason()).isEqualTo("to roll back");
        ApplyOutcome rollback = later.planAndApply(Rollbacks.of(entry), Rollbacks.request(entry, null),
                ApplyProgress.NONE);

        assertThat(rollback).as(rollback.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(cluster.snapshot()).isEqualTo(before);
        List<HistoryEntry> entries = later.history().entries();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).relatesTo()).isEqualTo(entry.id());
        assertThat(entries.get(0).action()).isEqualTo(dev.meshdeck.core.changes.history.Action.ROLLBACK);
    }

    @Test
    void rollbackAfterSomeoneChangedTheObjectIsAConflict() throws Exception {
        ApplyPipeline pipeline = cluster.pipeline(data);
        pipeline.planAndApply(cluster.threeChanges(), ApplyRequest.apply(""), ApplyProgress.NONE);
        ObjectNode theirs = cluster.live(SandboxCluster.DR);
        ((ObjectNode) theirs.at("/spec/trafficPolicy/loadBalancer")).put("simple", "RANDOM");
        cluster.gateway.update(theirs, theirs.at("/metadata/resourceVersion").asText());
        String before = cluster.snapshot();

        HistoryEntry entry = pipeline.history().entries().get(0);
        ApplyOutcome rollback = pipeline.planAndApply(Rollbacks.of(entry), Rollbacks.request(entry, null),
                ApplyProgress.NONE);

        assertThat(rollback).isInstanceOf(ApplyOutcome.Conflict.class);
        assertThat(cluster.snapshot()).isEqualTo(before);
    }

    @Test
    void productionContextsAreReadOnlyUntilArmed() throws Exception {
        ApplyPipeline pipeline = new ApplyPipeline(cluster.gateway, new H2ChangeHistory(data), event -> { },
                dev.meshdeck.core.changes.ProductionGuard.of("sandbox", java.time.Clock.systemUTC()));
        String before = cluster.snapshot();
        ApplyOutcome refused = pipeline.planAndApply(cluster.threeChanges(), ApplyRequest.apply(""),
                ApplyProgress.NONE);
        assertThat(refused).isInstanceOf(ApplyOutcome.Rejected.class);
        assertThat(refused.summary()).contains("context meshdeck-sandbox is production", "--arm-production");
        assertThat(cluster.snapshot()).isEqualTo(before);

        ApplyPipeline armed = new ApplyPipeline(cluster.gateway, new H2ChangeHistory(data), event -> { },
                dev.meshdeck.core.changes.ProductionGuard.of("sandbox", java.time.Clock.systemUTC())
                        .armedFor(Duration.ofMinutes(5)));
        assertThat(armed.planAndApply(cluster.threeChanges(), ApplyRequest.apply(""), ApplyProgress.NONE)
                .applied()).isTrue();
    }

    @Test
    void forbiddenWriteIsExplained() throws Exception {
        cluster.kube.faults().failWrite(1, 403);
        ApplyOutcome outcome = cluster.pipeline(data).planAndApply(cluster.threeChanges(), ApplyRequest.apply(""), ApplyProgress.NONE);
        assertThat(outcome.summary()).contains("context meshdeck-sandbox: update VirtualService serverless/order-function"
                + " is not allowed for kubeconfig user meshdeck-sandbox (403 Forbidden)",
                "RBAC verb 'update' on virtualservices.networking.istio.io in namespace serverless");
        assertThat(Optional.of(outcome.summary())).get().asString().doesNotContain("Exception");
    }

    @Test
    void reviewModelGoesFromPlanToConfirmToDoneOffTheCallersThread() throws Exception {
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            dev.meshdeck.core.changes.ChangeReview review = new dev.meshdeck.core.changes.ChangeReview(
                    cluster.pipeline(data), cluster.threeChanges(), ApplyRequest.apply("from the dialog"), worker);
            List<dev.meshdeck.core.changes.ChangeReview.Stage> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread caller = Thread.currentThread();
            List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
            review.addListener(state -> {
                seen.add(state.stage());
                threads.add(Thread.currentThread());
            });

            assertThat(review.plan().get().stage()).isEqualTo(dev.meshdeck.core.changes.ChangeReview.Stage.CONFIRM);
            assertThat(review.state().plan().diff()).contains("+      simple: ROUND_ROBIN");
            var done = review.confirm().get();

            assertThat(done.stage()).isEqualTo(dev.meshdeck.core.changes.ChangeReview.Stage.DONE);
            assertThat(done.outcome().applied()).isTrue();
            assertThat(done.steps()).extracting(ApplyProgress.Step::phase).contains(ApplyProgress.Phase.WRITE,
                    ApplyProgress.Phase.VERIFY);
            assertThat(seen).contains(dev.meshdeck.core.changes.ChangeReview.Stage.APPLYING);
            assertThat(threads).doesNotContain(caller);
            assertThat(review.confirm()).isCompletedExceptionally();
        } finally {
            worker.shutdownNow();
        }
    }
}
