package dev.meshdeck.connectors.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaAliasGateway;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.Rollbacks;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.failover.AliasPromotion;
import dev.meshdeck.core.failover.Failback;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lambda aliases through the same pipeline, RevisionId as the concurrency token, on the local control plane. */
class LambdaAliasGatewayTest {

    @TempDir
    Path data;
    SandboxLambda sandbox;
    LambdaAliasGateway gateway;

    @BeforeEach
    void start() {
        sandbox = new SandboxLambda();
        gateway = sandbox.gateway;
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static ObjectNode withCandidateWeight(ObjectNode alias, double weight) {
        ObjectNode after = alias.deepCopy();
        ((ObjectNode) after.at("/spec/routingConfig/additionalVersionWeights")).put("4", weight);
        return after;
    }

    @Test
    void aliasWeightIsAppliedAndRolledBack() throws Exception {
        ApplyPipeline pipeline = SandboxCluster.pipeline(gateway, data);
        ObjectNode live = gateway.read(SandboxLambda.LIVE).orElseThrow();
        assertThat(gateway.target().label()).isEqualTo("AWS 123456789012/eu-west-1");

        ApplyOutcome outcome = pipeline.planAndApply(ChangeSet.of(new ResourceChange(SandboxLambda.LIVE, live, withCandidateWeight(live, 0.5))),
                ApplyRequest.apply("half"), ApplyProgress.NONE);

        assertThat(outcome).as(outcome.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        ObjectNode now = gateway.read(SandboxLambda.LIVE).orElseThrow();
        assertThat(now.at("/spec/routingConfig/additionalVersionWeights/4").asDouble()).isEqualTo(0.5);
        assertThat(now.at("/metadata/resourceVersion").asText()).isNotEqualTo(live.at("/metadata/resourceVersion").asText());

        var entry = pipeline.history().entries().get(0);
        assertThat(pipeline.planAndApply(Rollbacks.of(entry), Rollbacks.request(entry, null), ApplyProgress.NONE)
                .applied()).isTrue();
        assertThat(gateway.read(SandboxLambda.LIVE).orElseThrow().at("/spec/routingConfig/additionalVersionWeights/4").asDouble())
                .isEqualTo(0.1);
    }

    @Test
    void staleRevisionIdIsAConflictAndNothingIsWritten() throws Exception {
        ApplyPipeline pipeline = SandboxCluster.pipeline(gateway, data);
        ObjectNode loaded = gateway.read(SandboxLambda.LIVE).orElseThrow();
        ObjectNode theirs = withCandidateWeight(loaded, 0.2);
        gateway.update(theirs, loaded.at("/metadata/resourceVersion").asText());

        // the write itself carries the RevisionId: Lambda refuses it
        assertThatThrownBy(() -> gateway.update(withCandidateWeight(loaded, 0.5), loaded.at("/metadata/resourceVersion").asText()))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.CONFLICT));
        ApplyOutcome outcome = pipeline.planAndApply(ChangeSet.of(new ResourceChange(SandboxLambda.LIVE, loaded,
                withCandidateWeight(loaded, 0.5))), ApplyRequest.apply(""), ApplyProgress.NONE);

        assertThat(outcome).isInstanceOf(ApplyOutcome.Conflict.class);
        assertThat(gateway.read(SandboxLambda.LIVE).orElseThrow().at("/spec/routingConfig/additionalVersionWeights/4").asDouble())
                .isEqualTo(0.2);
    }

    @Test
    void routingToAnUnpublishedVersionIsRejectedByTheDryRun() throws Exception {
        ObjectNode live = gateway.read(SandboxLambda.LIVE).orElseThrow();
        ObjectNode after = live.deepCopy();
        ((ObjectNode) after.at("/spec")).put("functionVersion", "99");
        ApplyOutcome outcome = SandboxCluster.pipeline(gateway, data).planAndApply(
                ChangeSet.of(new ResourceChange(SandboxLambda.LIVE, live, after)), ApplyRequest.apply(""), ApplyProgress.NONE);
        assertThat(outcome).isInstanceOf(ApplyOutcome.Rejected.class);
        assertThat(outcome.summary()).contains("version 99");
    }

    @Test
    void aFailbackIsFoundForAFailoverRecordedWhileStsWasFailing() throws Exception {
        sandbox.lambda.failCallerIdentity(true);
        String subject = "lambda invoice-pdf";
        try (LambdaAliasGateway withoutSts = new LambdaAliasGateway(
                AwsSettings.sandbox(sandbox.lambda.endpoint(), List.of(sandbox.lambda.region())), sandbox.lambda.region())) {
            assertThat(withoutSts.target().account()).as("STS refused: the account is unknown").isNull();
            ObjectNode live = withoutSts.read(SandboxLambda.LIVE).orElseThrow();
            ObjectNode allOnThree = AliasPromotion.to(live, "3");
            ApplyOutcome failover = SandboxCluster.pipeline(withoutSts, data).planAndApply(ChangeSet.of(new ResourceChange(
                    SandboxLambda.LIVE, live, allOnThree)), new ApplyRequest("outage", Action.FAILOVER, null, subject),
                    ApplyProgress.NONE);
            assertThat(failover).as(failover.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        }
        sandbox.lambda.failCallerIdentity(false);
        ApplyPipeline pipeline = SandboxCluster.pipeline(gateway, data);
        assertThat(gateway.target().account()).isEqualTo("123456789012");

        ApplyOutcome back = Failback.of(pipeline.history(), gateway.target(), subject, null).apply(pipeline, ApplyProgress.NONE);

        assertThat(back).as(back.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(gateway.read(SandboxLambda.LIVE).orElseThrow().at("/spec/routingConfig/additionalVersionWeights/4").asDouble())
                .isEqualTo(0.1);
    }
}
