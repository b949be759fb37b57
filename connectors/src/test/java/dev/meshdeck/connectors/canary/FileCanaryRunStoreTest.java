package dev.meshdeck.connectors.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.canary.CanaryPlan;
import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CheckResult;
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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCanaryRunStoreTest {

    @TempDir
    Path data;

    static CanaryRun run(String id, Instant started) throws Exception {
        ObjectNode alias = (ObjectNode) new ObjectMapper().readTree("""
                {"apiVersion": "lambda.meshdeck.dev/v1", "kind": "LambdaAlias", "metadata": {"name": "live", "resourceVersion": "r1"},
                 "spec": {"functionName": "invoice-pdf", "functionVersion": "3", "routingConfig": {"additionalVersionWeights": {"4": 0.1}}}}
                """);
        Judgement judged = Judgement.of(CanaryPlan.defaults(), new IntervalMetrics(new VersionFigures(120, 1, 300, Double.NaN),
                new VersionFigures(900, 2, 280, 410)));
        return new CanaryRun(id, "invoice-pdf", "", RunTarget.aws("eu-west-1", null),
                new ResourceId("lambda.meshdeck.dev/v1", "LambdaAlias", "invoice-pdf", "live"), "4", List.of("3"),
                CanaryPlan.defaults(), "defaults", alias, RunStatus.RUNNING, 0, 1,
                List.of(new IntervalRecord(0, 10, started, started.plusSeconds(60), judged.checks().isEmpty() ? null
                        : new IntervalMetrics(new VersionFigures(120, 1, 300, Double.NaN), VersionFigures.NONE), judged)),
                List.of(new TrafficShare("3", 90), new TrafficShare("4", 10)), started, started.plusSeconds(60),
                started.plusSeconds(120), false, null, "", List.of(7L), new Owner(4242, started));
    }

    @Test
    void aRunReadsBackAsItWasStoredNewestFirst() throws Exception {
        FileCanaryRunStore store = new FileCanaryRunStore(data);
        CanaryRun older = run("a", Instant.parse("2026-12-07T10:00:00Z"));
        CanaryRun newer = run("b", Instant.parse("2026-12-07T11:00:00Z"));
        store.save(older);
        store.save(newer);
        store.save(older.with(d -> d.failedChecks = 2));

        List<CanaryRun> runs = new FileCanaryRunStore(data).runs();

        assertThat(runs).extracting(CanaryRun::id).containsExactly("b", "a");
        assertThat(runs.get(1)).isEqualTo(older.with(d -> d.failedChecks = 2));
        assertThat(runs.get(1).intervals().get(0).judgement().checks()).extracting(CheckResult::passed)
                .containsExactly(true, true, false);
        assertThat(store.active("", "invoice-pdf")).map(CanaryRun::id).contains("b");
    }

    @Test
    void aBeatKeepsTheRunAliveWithoutTouchingItsState() throws Exception {
        FileCanaryRunStore store = new FileCanaryRunStore(data);
        Instant started = Instant.parse("2026-12-07T10:00:00Z");
        store.save(run("a", started));
        Instant later = started.plusSeconds(60);
        assertThat(store.runs().get(0).interrupted(later)).isTrue();

        store.beat("a", new Owner(4242, later.minusSeconds(1)));

        CanaryRun read = store.runs().get(0);
        assertThat(read.interrupted(later)).isFalse();
        assertThat(read.with(d -> d.owner = new Owner(4242, started))).isEqualTo(run("a", started));
    }

    @Test
    void aRequestIsTakenOnce() {
        FileCanaryRunStore store = new FileCanaryRunStore(data);
        store.request("a", Control.PAUSE);

        assertThat(store.takeRequest("a")).contains(Control.PAUSE);
        assertThat(store.takeRequest("a")).isEmpty();
    }
}
