package dev.meshdeck.connectors.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.Plan;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.Rollbacks;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.validation.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline judges every change set against the live estate before anything is written. */
class ValidationGateOnSandboxTest {

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

    /** The order-function VirtualService sending 100% to subset v9 of its own host. */
    private ResourceChange allToV9() throws GatewayException {
        ObjectNode vs = cluster.live(SandboxCluster.VS);
        ObjectNode after = vs.deepCopy();
        ArrayNode route = ((ObjectNode) after.at("/spec/http/0")).putArray("route");
        route.addObject().put("weight", 100).putObject("destination").put("host", "order-function").put("subset", "v9");
        return new ResourceChange(SandboxCluster.VS, vs, after);
    }

    /** The order-function DestinationRule with a subset v9 selecting the function's pods. */
    private ResourceChange definingV9() throws GatewayException {
        ObjectNode dr = cluster.live(SandboxCluster.DR);
        ObjectNode after = dr.deepCopy();
        ((ObjectNode) after.get("spec")).putArray("subsets").addObject().put("name", "v9")
                .putObject("labels").put("app", "order-function");
        return new ResourceChange(SandboxCluster.DR, dr, after);
    }

    @Test
    void aRouteToASubsetNoDestinationRuleDefinesIsRefusedAndNothingIsWritten() throws Exception {
        String before = cluster.snapshot();
        ApplyPipeline pipeline = cluster.pipeline(data);

        ApplyOutcome outcome = pipeline.planAndApply(ChangeSet.of(allToV9()), ApplyRequest.apply("v9"), ApplyProgress.NONE);

        assertThat(outcome).isInstanceOf(ApplyOutcome.Rejected.class);
        assertThat(((ApplyOutcome.Rejected) outcome).findings()).extracting(Finding::code).contains("MD0302");
        assertThat(cluster.snapshot()).isEqualTo(before);
        assertThat(pipeline.history().entries()).isEmpty();
    }

    @Test
    void aChangeSetWhoseSecondObjectDefinesTheSubsetTheFirstNeedsIsAcceptedAsAWhole() throws Exception {
        ApplyPipeline pipeline = cluster.pipeline(data);

        Plan plan = pipeline.plan(ChangeSet.of(allToV9(), definingV9()), ApplyRequest.apply(""), ApplyProgress.NONE);

        assertThat(plan.refusal()).as(plan.refusal().map(ApplyOutcome::summary).orElse("")).isEmpty();
        assertThat(plan.findings()).extracting(Finding::code).doesNotContain("MD0302");
    }

    @Test
    void aForcedApplyIsWrittenAndRecordedWithTheErrorsItOverrode() throws Exception {
        ApplyPipeline pipeline = cluster.pipeline(data);

        ApplyOutcome outcome = pipeline.planAndApply(ChangeSet.of(allToV9()),
                ApplyRequest.apply("").forced("INC-42: the v9 DestinationRule is applied next"), ApplyProgress.NONE);

        assertThat(outcome).as(outcome.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(cluster.live(SandboxCluster.VS).at("/spec/http/0/route/0/destination/subset").asText()).isEqualTo("v9");
        HistoryEntry entry = pipeline.history().entries().get(0);
        assertThat(entry.forced()).isTrue();
        assertThat(entry.reason()).isEqualTo("INC-42: the v9 DestinationRule is applied next");
        assertThat(entry.overridden()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("MD0302");
            assertThat(f.resource()).isEqualTo("VirtualService serverless/order-function");
        });
        assertThat(Files.readString(data.resolve("audit.jsonl"))).contains("\"action\":\"force\"", "MD0302");
    }

    @Test
    void aRefusedRollbackNamesTheLaterChangeSetThatBrokeItsReference() throws Exception {
        ApplyPipeline pipeline = cluster.pipeline(data);
        ObjectNode canary = cluster.live(SandboxCluster.VS);
        // 1: subset v9 is defined and routed to; 2: the route goes back to the canary hosts; 3: the subsets are
        // removed (the route, a live object then, does not need them). Rolling back 2 would route to v9 again.
        long first = applied(pipeline, ChangeSet.of(allToV9(), definingV9()), "to v9");
        ObjectNode onV9 = cluster.live(SandboxCluster.VS);
        ObjectNode backToCanary = onV9.deepCopy();
        backToCanary.set("spec", canary.get("spec").deepCopy());
        long second = applied(pipeline, ChangeSet.of(new ResourceChange(SandboxCluster.VS, onV9, backToCanary)), "canary again");
        ObjectNode dr = cluster.live(SandboxCluster.DR);
        ObjectNode withoutSubsets = dr.deepCopy();
        ((ObjectNode) withoutSubsets.get("spec")).remove("subsets");
        long third = applied(pipeline, ChangeSet.of(new ResourceChange(SandboxCluster.DR, dr, withoutSubsets)), "no subsets");
        // 4: an unrelated object of the same namespace changes after that: it broke nothing and is not blamed
        ResourceId deployment = new ResourceId("apps/v1", "Deployment", "serverless", "order-function-v2");
        ObjectNode v2 = cluster.live(deployment);
        ObjectNode labelled = v2.deepCopy();
        ((ObjectNode) labelled.get("metadata")).putObject("annotations").put("team", "orders");
        long fourth = applied(pipeline, ChangeSet.of(new ResourceChange(deployment, v2, labelled)), "annotated");
        HistoryEntry canaryAgain = pipeline.history().entry(second).orElseThrow();

        ApplyOutcome rollback = pipeline.planAndApply(Rollbacks.of(canaryAgain), Rollbacks.request(canaryAgain, null),
                ApplyProgress.NONE);

        assertThat(rollback).isInstanceOf(ApplyOutcome.Rejected.class);
        assertThat(rollback.summary()).contains("MD0302", "change set " + third + " (")
                .contains("changed DestinationRule serverless/order-function since change set " + second)
                .doesNotContain("change set " + first + " (").doesNotContain("change set " + fourth + " (");
    }

    @Test
    void aSecondSelectorlessSidecarBesideALiveOneIsRefused() throws Exception {
        ApplyPipeline pipeline = cluster.pipeline(data);
        applied(pipeline, ChangeSet.of(ResourceChange.of(null, sidecar("default"))), "egress of serverless");

        ApplyOutcome outcome = pipeline.planAndApply(ChangeSet.of(ResourceChange.of(null, sidecar("narrow"))),
                ApplyRequest.apply(""), ApplyProgress.NONE);

        assertThat(outcome).isInstanceOf(ApplyOutcome.Rejected.class);
        assertThat(((ApplyOutcome.Rejected) outcome).findings()).extracting(f -> f.code() + " " + f.resource())
                .contains("MD0361 Sidecar serverless/narrow");
    }

    @Test
    void aDeploymentReadingAConfigMapThatDoesNotExistIsRefusedUnlessForced() throws Exception {
        ResourceId payment = new ResourceId("apps/v1", "Deployment", "payments", "payment-function");
        ObjectNode live = cluster.live(payment);
        ObjectNode typo = live.deepCopy();
        ((ObjectNode) typo.at("/spec/template/spec/containers/0/envFrom/0/configMapRef")).put("name", "payment-setings");
        ApplyPipeline pipeline = cluster.pipeline(data);

        ApplyOutcome refused = pipeline.planAndApply(ChangeSet.of(new ResourceChange(payment, live, typo)),
                ApplyRequest.apply(""), ApplyProgress.NONE);

        assertThat(refused).isInstanceOf(ApplyOutcome.Rejected.class);
        assertThat(((ApplyOutcome.Rejected) refused).findings()).extracting(f -> f.code() + " " + f.path())
                .contains("MD0701 spec.template.spec.containers[0].envFrom[0].configMapRef.name");
        assertThat(cluster.live(payment).at("/spec/template/spec/containers/0/envFrom/0/configMapRef/name").asText())
                .isEqualTo("payment-settings");
        ApplyOutcome forced = pipeline.planAndApply(ChangeSet.of(new ResourceChange(payment, live, typo)),
                ApplyRequest.apply("").forced("INC-7: the ConfigMap is created next"), ApplyProgress.NONE);
        assertThat(forced).as(forced.summary()).isInstanceOf(ApplyOutcome.Applied.class);
    }

    @Test
    void deletingAConfigMapALiveDeploymentReadsIsRefused() throws Exception {
        ResourceId settings = new ResourceId("v1", "ConfigMap", "payments", "payment-settings");

        ApplyOutcome outcome = cluster.pipeline(data).planAndApply(
                ChangeSet.of(new ResourceChange(settings, cluster.live(settings), null)), ApplyRequest.apply(""), ApplyProgress.NONE);

        assertThat(outcome).isInstanceOf(ApplyOutcome.Rejected.class);
        assertThat(((ApplyOutcome.Rejected) outcome).findings()).extracting(f -> f.code() + " " + f.resource())
                .contains("MD0701 Deployment payments/payment-function");
    }

    /** A Sidecar without a workload selector: it applies to every workload of serverless. */
    private static ObjectNode sidecar(String name) {
        ObjectNode sidecar = JsonNodeFactory.instance.objectNode().put("apiVersion", "networking.istio.io/v1")
                .put("kind", "Sidecar");
        sidecar.putObject("metadata").put("name", name).put("namespace", "serverless");
        sidecar.putObject("spec").putArray("egress").addObject().putArray("hosts").add("./*").add("istio-system/*");
        return sidecar;
    }

    private static long applied(ApplyPipeline pipeline, ChangeSet changes, String reason) {
        ApplyOutcome outcome = pipeline.planAndApply(changes, ApplyRequest.apply(reason), ApplyProgress.NONE);
        assertThat(outcome).as(outcome.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        return pipeline.history().entries().get(0).id();
    }
}
