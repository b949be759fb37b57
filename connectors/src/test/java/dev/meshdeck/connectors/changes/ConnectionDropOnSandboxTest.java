package dev.meshdeck.connectors.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.Recovery;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;
import dev.meshdeck.sandbox.kube.Estate;
import dev.meshdeck.sandbox.kube.KubeSandbox;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #23: the API server stops while a change set is being written. The apply ends with a clear outcome in the
 * history (not a hang, not "applied"), and once the server is back the journal lets recovery put the cluster back.
 */
class ConnectionDropOnSandboxTest {

    @TempDir
    Path dir;
    SandboxCluster cluster;
    KubeSandbox back;

    @AfterEach
    void stop() {
        cluster.close();
        if (back != null) {
            back.close();
        }
    }

    @Test
    void aDropMidApplyEndsWithAClearOutcomeAndRecoveryRevertsItOnceTheServerIsBack() throws Exception {
        cluster = new SandboxCluster(dir);
        Path data = dir.resolve("data");
        String before = cluster.snapshot();
        int port = cluster.kube.port();
        ChangeSet changes = cluster.threeChanges();

        // the API server stops just as the second write is sent
        ApplyOutcome outcome = SandboxCluster.pipeline(new SecondWriteInterrupted(cluster.gateway, cluster.kube::close), data)
                .planAndApply(changes, ApplyRequest.apply("drill"), ApplyProgress.NONE);

        assertThat(outcome.applied()).as(outcome.summary()).isFalse();
        HistoryEntry entry = cluster.pipeline(data).history().entries().get(0);
        assertThat(entry.status()).as("the history says the apply did not finish cleanly: " + entry.detail())
                .isIn(Status.FAILED, Status.IN_PROGRESS);
        assertThat(entry.written()).as("the first write went through before the drop").startsWith(true);
        assertThat(entry.detail()).as("the outcome names the write that got no answer and what could not be undone")
                .startsWith("failed at DestinationRule serverless/order-function: ").contains("no answer from the cluster")
                .contains("NOT everything could be restored").contains("failed VirtualService serverless/order-function");

        // the API server comes back on the same port with what it had stored (the first write), as etcd keeps it
        back = KubeSandbox.start(port);
        back.seed(Estate.defaultEstate());
        back.client().resources(VirtualService.class).inNamespace("serverless").withName("order-function").edit(vs -> {
            List<HTTPRouteDestination> route = vs.getSpec().getHttp().get(0).getRoute();
            route.get(0).setWeight(50);
            route.get(1).setWeight(50);
            return vs;
        });

        Recovery recovery = new Recovery(cluster.pipeline(data));
        assertThat(recovery.pending()).as("`meshdeck recover` offers the interrupted change set")
                .extracting(HistoryEntry::id).containsExactly(entry.id());
        ApplyOutcome reverted = recovery.recover(recovery.pending().get(0), Recovery.Choice.REVERT, ApplyProgress.NONE);

        assertThat(reverted.applied()).as(reverted.summary()).isTrue();
        assertThat(cluster.snapshot()).isEqualTo(before);
        assertThat(cluster.pipeline(data).history().entry(entry.id()).orElseThrow().status()).isEqualTo(Status.RECOVERED);
    }
}
