package dev.meshdeck.connectors.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.Recovery;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process dies between two writes: at the next start the journal finds the apply and finishes or reverts it. */
class RecoveryOnSandboxTest {

    /** Stands for the process being killed: nothing in the pipeline may catch it. */
    static final class Killed extends Error {
        Killed() {
            super("process killed");
        }
    }

    @TempDir
    Path dir;
    SandboxCluster cluster;
    Path data;
    String before;

    @BeforeEach
    void crashAfterTheFirstWrite() throws Exception {
        cluster = new SandboxCluster(dir);
        data = dir.resolve("data");
        before = cluster.snapshot();
        ChangeSet changes = cluster.threeChanges();
        assertThatThrownBy(() -> SandboxCluster.pipeline(new SecondWriteInterrupted(cluster.gateway, () -> {
            throw new Killed();
        }), data)
                .planAndApply(changes, ApplyRequest.apply("interrupted"), ApplyProgress.NONE))
                .isInstanceOf(Killed.class);
        assertThat(cluster.live(SandboxCluster.VS).at("/spec/http/0/route/0/weight").asInt()).isEqualTo(50);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private HistoryEntry interrupted(Recovery recovery) {
        List<HistoryEntry> pending = recovery.pending();
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).written()).containsExactly(true, false, false);
        return pending.get(0);
    }

    @Test
    void revertAtNextStartRestoresTheClusterExactly() throws Exception {
        // the next start: a new store on the same data directory
        Recovery recovery = new Recovery(cluster.pipeline(data));
        HistoryEntry entry = interrupted(recovery);

        ApplyOutcome outcome = recovery.recover(entry, Recovery.Choice.REVERT, ApplyProgress.NONE);

        assertThat(outcome).as(outcome.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(cluster.snapshot()).isEqualTo(before);
        assertThat(cluster.pipeline(data).history().entry(entry.id()).orElseThrow().status()).isEqualTo(Status.RECOVERED);
        assertThat(recovery.pending()).isEmpty();
    }

    @Test
    void completeAtNextStartWritesWhatWasMissing() throws Exception {
        Recovery recovery = new Recovery(cluster.pipeline(data));
        HistoryEntry entry = interrupted(recovery);

        assertThat(recovery.plan(entry, Recovery.Choice.COMPLETE).size()).isEqualTo(2);
        ApplyOutcome outcome = recovery.recover(entry, Recovery.Choice.COMPLETE, ApplyProgress.NONE);

        assertThat(outcome).as(outcome.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(cluster.live(SandboxCluster.DR).at("/spec/trafficPolicy/loadBalancer/simple").asText()).isEqualTo("ROUND_ROBIN");
        assertThat(cluster.live(SandboxCluster.PA).at("/spec/mtls/mode").asText()).isEqualTo("STRICT");
        assertThat(recovery.pending()).isEmpty();
    }
}
