package dev.meshdeck.connectors.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.gcp.CloudRunServiceGateway;
import dev.meshdeck.connectors.gcp.GcpSettings;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.Rollbacks;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.sandbox.cloudrun.CloudRunControlPlane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Cloud Run service's traffic through the apply pipeline with Google's client (HTTP/JSON) on the sandbox's Admin
 * API: the etag as the concurrency token, the history recording the Google Cloud target, rollback restoring it.
 */
class CloudRunServiceGatewayTest {

    private static final ResourceId CHECKOUT = new ResourceId(CloudRunServiceGateway.API_VERSION,
            ResourceId.CLOUD_RUN_SERVICE_KIND, "", "checkout-api");

    @TempDir
    Path data;
    CloudRunControlPlane plane;
    CloudRunServiceGateway gateway;

    @BeforeEach
    void start() {
        plane = CloudRunControlPlane.start();
        gateway = new CloudRunServiceGateway(new GcpSettings(Optional.of(plane.endpoint()),
                List.of(CloudRunControlPlane.DEFAULT_PROJECT), List.of(CloudRunControlPlane.DEFAULT_REGION)),
                new WriteTarget.GcpRegion(CloudRunControlPlane.DEFAULT_PROJECT, CloudRunControlPlane.DEFAULT_REGION));
    }

    @AfterEach
    void stop() {
        gateway.close();
        plane.close();
    }

    private static ObjectNode split(ObjectNode service, int stable, int canary) {
        ObjectNode after = service.deepCopy();
        ((ObjectNode) after.at("/spec/traffic/0")).put("percent", stable);
        ((ObjectNode) after.at("/spec/traffic/1")).put("percent", canary);
        return after;
    }

    @Test
    void canaryWeightIsAppliedRecordedAndRolledBackExactly() throws Exception {
        ApplyPipeline pipeline = SandboxCluster.pipeline(gateway, data);
        ObjectNode live = gateway.read(CHECKOUT).orElseThrow();
        assertThat(live.at("/spec/traffic/0/percent").asInt()).isEqualTo(90);

        ApplyOutcome outcome = pipeline.planAndApply(ChangeSet.of(new ResourceChange(CHECKOUT, live, split(live, 50, 50))),
                ApplyRequest.apply("half"), ApplyProgress.NONE);

        assertThat(outcome).as(outcome.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        ObjectNode now = gateway.read(CHECKOUT).orElseThrow();
        assertThat(now.at("/spec/traffic/1/percent").asInt()).isEqualTo(50);
        assertThat(now.at("/metadata/resourceVersion").asText()).isNotEqualTo(live.at("/metadata/resourceVersion").asText());

        var entry = new H2ChangeHistory(data).entries().get(0);
        assertThat(entry.target()).isEqualTo(gateway.target());
        assertThat(pipeline.planAndApply(Rollbacks.of(entry), Rollbacks.request(entry, null), ApplyProgress.NONE)
                .applied()).isTrue();
        ObjectNode restored = gateway.read(CHECKOUT).orElseThrow();
        assertThat(restored.at("/spec")).isEqualTo(live.at("/spec"));
    }

    @Test
    void aStaleEtagIsAConflictAndNothingIsWritten() throws Exception {
        ApplyPipeline pipeline = SandboxCluster.pipeline(gateway, data);
        ObjectNode loaded = gateway.read(CHECKOUT).orElseThrow();
        gateway.update(split(loaded, 80, 20), loaded.at("/metadata/resourceVersion").asText());

        assertThatThrownBy(() -> gateway.update(split(loaded, 50, 50), loaded.at("/metadata/resourceVersion").asText()))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.CONFLICT));
        ApplyOutcome outcome = pipeline.planAndApply(ChangeSet.of(new ResourceChange(CHECKOUT, loaded, split(loaded, 50, 50))),
                ApplyRequest.apply(""), ApplyProgress.NONE);

        assertThat(outcome).isInstanceOf(ApplyOutcome.Conflict.class);
        assertThat(gateway.read(CHECKOUT).orElseThrow().at("/spec/traffic/1/percent").asInt()).isEqualTo(20);
    }

    @Test
    void trafficCloudRunRefusesIsRejectedByTheDryRun() throws Exception {
        ObjectNode live = gateway.read(CHECKOUT).orElseThrow();
        ApplyOutcome outcome = SandboxCluster.pipeline(gateway, data).planAndApply(
                ChangeSet.of(new ResourceChange(CHECKOUT, live, split(live, 90, 20))), ApplyRequest.apply(""), ApplyProgress.NONE);

        assertThat(outcome).isInstanceOf(ApplyOutcome.Rejected.class);
        assertThat(outcome.summary()).contains("add up to 110");
        assertThat(gateway.read(CHECKOUT).orElseThrow().at("/spec/traffic/1/percent").asInt()).isEqualTo(10);
    }
}
