package dev.meshdeck.connectors.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.Rollbacks;
import dev.meshdeck.core.failover.ProvisionedConcurrency;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An alias's provisioned concurrency set, changed and rolled back through the pipeline on the local control plane. */
class ProvisionedConcurrencyGatewayTest {

    static final ResourceId LIVE = new ResourceId("lambda.meshdeck.dev/v1", "LambdaProvisionedConcurrency", "invoice-pdf", "live");

    @TempDir
    Path data;
    SandboxLambda sandbox;
    ApplyPipeline pipeline;

    @BeforeEach
    void start() {
        sandbox = new SandboxLambda();
        pipeline = SandboxCluster.pipeline(sandbox.gateway, data);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private ApplyOutcome set(int count) throws Exception {
        ObjectNode live = sandbox.gateway.read(LIVE).orElse(null);
        return pipeline.planAndApply(ChangeSet.of(ResourceChange.of(live,
                ProvisionedConcurrency.document("invoice-pdf", "live", count))), ApplyRequest.apply("warm"), ApplyProgress.NONE);
    }

    private int count() throws Exception {
        return sandbox.gateway.read(LIVE).orElseThrow().at("/spec/provisionedConcurrentExecutions").asInt();
    }

    private void rollBackLatest() throws Exception {
        var entry = pipeline.history().entries().get(0);
        assertThat(pipeline.planAndApply(Rollbacks.of(entry), Rollbacks.request(entry, null), ApplyProgress.NONE).applied()).isTrue();
    }

    @Test
    void setIsRecordedAndRollbackRestoresThePreviousCountOrRemovesIt() throws Exception {
        assertThat(sandbox.gateway.read(LIVE)).isEmpty();

        assertThat(set(5).applied()).isTrue();
        assertThat(count()).isEqualTo(5);
        assertThat(set(8).applied()).isTrue();
        assertThat(count()).isEqualTo(8);
        var entry = pipeline.history().entries().get(0);
        assertThat(entry.changes().changes().get(0).unifiedDiff())
                .contains("-  provisionedConcurrentExecutions: 5").contains("+  provisionedConcurrentExecutions: 8");

        rollBackLatest();
        assertThat(count()).isEqualTo(5);
    }

    @Test
    void aCreationRolledBackIsDeleted() throws Exception {
        assertThat(set(3).applied()).isTrue();
        rollBackLatest();
        assertThat(sandbox.gateway.read(LIVE)).isEmpty();
    }

    @Test
    void dryRunRefusesLatestAndAboveReservedConcurrencyAndWritesNothing() throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.lambda.endpoint()
                        + "/2017-10-31/functions/invoice-pdf/concurrency"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"ReservedConcurrentExecutions\":4}")).build(),
                HttpResponse.BodyHandlers.discarding());

        ApplyOutcome above = set(5);
        assertThat(above.applied()).isFalse();
        assertThat(above.summary()).contains("exceeds the function's reserved concurrency of 4");
        assertThat(sandbox.gateway.read(LIVE)).isEmpty();

        ApplyOutcome latest = pipeline.planAndApply(ChangeSet.of(ResourceChange.of(null,
                ProvisionedConcurrency.document("invoice-pdf", "$LATEST", 1))), ApplyRequest.apply("warm"), ApplyProgress.NONE);
        assertThat(latest.applied()).isFalse();
        assertThat(latest.summary()).contains("$LATEST");
    }
}
