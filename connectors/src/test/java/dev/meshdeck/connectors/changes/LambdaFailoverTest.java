package dev.meshdeck.connectors.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.aws.LambdaAliasGateway;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.failover.AliasPromotion;
import dev.meshdeck.core.failover.Failback;
import dev.meshdeck.core.failover.FailoverPlanner;
import dev.meshdeck.core.failover.FailoverTarget;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.sandbox.lambda.LambdaControlPlane;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Lambda function fails over by moving its alias to one version, and fails back to the recorded weights. */
class LambdaFailoverTest {

    @TempDir
    Path data;
    SandboxLambda sandbox;
    LambdaControlPlane lambda;
    LambdaAliasGateway gateway;

    @BeforeEach
    void start() {
        sandbox = new SandboxLambda();
        lambda = sandbox.lambda;
        gateway = sandbox.gateway;
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private LiveFunction invoicePdf() throws Exception {
        ServerlessFunction fn = new ServerlessFunction(
                new FunctionId(new SourceRef.AwsRegion(lambda.account(), lambda.region(), null), Platform.LAMBDA, "", "invoice-pdf"),
                List.of(new TrafficShare("3", 90, "live"), new TrafficShare("4", 10, "live")),
                MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of());
        return new LiveFunction(fn, List.of(gateway.read(SandboxLambda.LIVE).orElseThrow()));
    }

    @Test
    void aliasFailsOverToOneVersionAndBackToItsCanaryWeights() throws Exception {
        ApplyPipeline pipeline = SandboxCluster.pipeline(gateway, data);
        ObjectNode before = gateway.read(SandboxLambda.LIVE).orElseThrow();
        LiveFunction fn = invoicePdf();

        ApplyOutcome over = FailoverPlanner.failover(fn, new FailoverTarget.Version("2"), null).apply(pipeline, ApplyProgress.NONE);

        assertThat(over).as(over.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        ObjectNode moved = gateway.read(SandboxLambda.LIVE).orElseThrow();
        assertThat(moved.at("/spec/functionVersion").asText()).isEqualTo("2");
        assertThat(moved.at("/spec/routingConfig/additionalVersionWeights").size()).isZero();

        ApplyOutcome back = Failback.of(pipeline.history(), gateway.target(), fn.subject(), null).apply(pipeline, ApplyProgress.NONE);

        assertThat(back).as(back.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        ObjectNode restored = gateway.read(SandboxLambda.LIVE).orElseThrow();
        assertThat(restored.at("/spec/functionVersion").asText()).isEqualTo("3");
        assertThat(restored.at("/spec/routingConfig")).isEqualTo(before.at("/spec/routingConfig"));
    }

    @Test
    void promotionMovesTheAliasToItsCanaryAndClearsTheWeights() throws Exception {
        ApplyPipeline pipeline = SandboxCluster.pipeline(gateway, data);

        ApplyOutcome promoted = AliasPromotion.promote(invoicePdf(), null, null).apply(pipeline, ApplyProgress.NONE);

        assertThat(promoted).as(promoted.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        ObjectNode alias = gateway.read(SandboxLambda.LIVE).orElseThrow();
        assertThat(alias.at("/spec/functionVersion").asText()).isEqualTo("4");
        assertThat(alias.at("/spec/routingConfig/additionalVersionWeights").size()).isZero();
        assertThat(pipeline.history().entries().get(0).reason()).isEqualTo("promote alias live of invoice-pdf to version 4");
    }

    @Test
    void withoutAClusterCallingItALambdaFunctionCannotFailOverToAMeshHost() throws Exception {
        // only the Lambda catalog here: no ServiceEntry carries mesh calls to it
        assertThatThrownBy(() -> FailoverPlanner.failover(invoicePdf(), new FailoverTarget.Host("payment-function-backup"), null))
                .hasMessageContaining("no ServiceEntry in the cluster carries the mesh's calls to Lambda function invoice-pdf");
    }
}
