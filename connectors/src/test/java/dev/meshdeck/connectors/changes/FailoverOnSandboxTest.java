package dev.meshdeck.connectors.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.connectors.kube.KubeCatalog;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.core.access.Permissions;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.Plan;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.failover.BulkFailover;
import dev.meshdeck.core.failover.Failback;
import dev.meshdeck.core.failover.FailoverPlanner;
import dev.meshdeck.core.failover.FailoverTarget;
import dev.meshdeck.core.failover.FailoverTargets;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.failover.Rollouts;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failover, failback, bulk failover and incident actions on the sandbox cluster, checked by reading it back. */
class FailoverOnSandboxTest {

    static final ResourceId PAYMENT_VS = new ResourceId("networking.istio.io/v1", "VirtualService", "payments", "payment-function");
    static final ResourceId PAYMENT_DEPLOYMENT = new ResourceId("apps/v1", "Deployment", "payments", "payment-function");
    static final String LAMBDA_URL = "https://x7kq2mzt4e3lpw5v.lambda-url.eu-west-1.on.aws/";

    @TempDir
    Path dir;
    SandboxCluster cluster;
    KubeCatalog catalog;
    ApplyPipeline pipeline;

    @BeforeEach
    void start() {
        cluster = new SandboxCluster(dir);
        catalog = new KubeCatalog(Kubeconfigs.load(List.of(dir.resolve("kubeconfig"))));
        pipeline = cluster.pipeline(dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        catalog.close();
        cluster.close();
    }

    private LiveFunction function(String namespace, String name) throws Exception {
        ServerlessFunction fn = catalog.listOnce().functions().stream()
                .filter(f -> f.namespace().equals(namespace) && f.name().equals(name)).findFirst().orElseThrow();
        return LiveFunction.of(fn, catalog.resourcesOf(fn.id()));
    }

    private List<LiveFunction> namespace(String namespace) throws Exception {
        List<LiveFunction> all = new ArrayList<>();
        for (ServerlessFunction fn : catalog.listOnce().functions()) {
            if (fn.namespace().equals(namespace)) {
                all.add(LiveFunction.of(fn, catalog.resourcesOf(fn.id())));
            }
        }
        return all;
    }

    private String review(ResourceId id) throws Exception {
        return cluster.gateway.read(id).map(o -> YamlRenderer.render(YamlRenderer.forReview(o))).orElse("");
    }

    private WriteTarget target() {
        return cluster.gateway.target();
    }

    @Test
    void paymentFunctionFailsOverToItsBackupAndBackToExactlyTheRoutingBefore() throws Exception {
        String before = review(PAYMENT_VS);
        LiveFunction payment = function("payments", "payment-function");
        FailoverTarget backup = FailoverTargets.configured(payment).orElseThrow();
        assertThat(backup).isEqualTo(new FailoverTarget.Host("payment-function-backup"));

        ApplyOutcome failover = FailoverPlanner.failover(payment, backup, "primary is failing").apply(pipeline, ApplyProgress.NONE);

        assertThat(failover).as(failover.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        ObjectNode vs = cluster.live(PAYMENT_VS);
        assertThat(vs.at("/spec/http/0/route")).hasSize(1);
        assertThat(vs.at("/spec/http/0/route/0/destination/host").asText()).isEqualTo("payment-function-backup");
        assertThat(vs.at("/spec/http/0/timeout").asText()).as("the route keeps its timeout").isEqualTo("5s");
        assertThat(vs.at("/spec/http/0/retries/attempts").asInt()).isEqualTo(3);
        HistoryEntry recorded = Failback.activeFailover(pipeline.history(), target(), payment.subject()).orElseThrow();
        assertThat(recorded.action()).isEqualTo(Action.FAILOVER);
        assertThat(recorded.subject()).isEqualTo("kubernetes payments/payment-function");

        FunctionChange failback = Failback.of(pipeline.history(), target(), payment.subject(), null);
        ApplyOutcome back = failback.apply(pipeline, ApplyProgress.NONE);

        assertThat(back).as(back.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(review(PAYMENT_VS)).isEqualTo(before);
        assertThat(Failback.activeFailover(pipeline.history(), target(), payment.subject())).isEmpty();
        assertThat(pipeline.history().entries().get(0).action()).isEqualTo(Action.FAILBACK);
        assertThat(pipeline.history().entries().get(0).relatesTo()).isEqualTo(recorded.id());
    }

    @Test
    void failoverToALambdaFunctionUrlGoesThroughAValidServiceEntryAndFailbackRemovesIt() throws Exception {
        LiveFunction payment = function("payments", "payment-function");
        FunctionChange change = FailoverPlanner.failover(payment,
                FailoverTarget.External.ofUrl(LAMBDA_URL, "Lambda payment-dr:live"), null);

        Plan plan = pipeline.plan(change.changes(), change.request(), ApplyProgress.NONE);

        assertThat(plan.refusal()).as(plan.refusal().map(ApplyOutcome::summary).orElse("")).isEmpty();
        assertThat(plan.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(change.changes().summary()).isEqualTo("create ServiceEntry payments/payment-function-failover,"
                + " create DestinationRule payments/payment-function-failover, update VirtualService payments/payment-function");
        assertThat(pipeline.apply(plan, change.request(), ApplyProgress.NONE).applied()).isTrue();

        String host = "x7kq2mzt4e3lpw5v.lambda-url.eu-west-1.on.aws";
        ResourceId entryId = new ResourceId("networking.istio.io/v1", "ServiceEntry", "payments", "payment-function-failover");
        ObjectNode entry = cluster.live(entryId);
        assertThat(entry.at("/spec/hosts/0").asText()).isEqualTo(host);
        assertThat(entry.at("/spec/location").asText()).isEqualTo("MESH_EXTERNAL");
        assertThat(entry.at("/spec/resolution").asText()).isEqualTo("DNS");
        assertThat(entry.at("/spec/ports/0/number").asInt()).isEqualTo(443);
        assertThat(entry.at("/spec/ports/0/protocol").asText()).isEqualTo("HTTPS");
        ResourceId tlsId = new ResourceId("networking.istio.io/v1", "DestinationRule", "payments", "payment-function-failover");
        assertThat(cluster.live(tlsId).at("/spec/trafficPolicy/tls/mode").asText()).isEqualTo("SIMPLE");
        ObjectNode vs = cluster.live(PAYMENT_VS);
        assertThat(vs.at("/spec/http/0/route/0/destination/host").asText()).isEqualTo(host);
        assertThat(vs.at("/spec/http/0/route/0/destination/port/number").asInt()).isEqualTo(443);
        assertThat(vs.at("/spec/http/0/rewrite/authority").asText()).isEqualTo(host);

        ApplyOutcome back = Failback.of(pipeline.history(), target(), payment.subject(), null).apply(pipeline, ApplyProgress.NONE);

        assertThat(back).as(back.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(cluster.gateway.read(entryId)).isEmpty();
        assertThat(cluster.gateway.read(tlsId)).isEmpty();
    }

    @Test
    void failbackRefusesToOverwriteARouteSomeoneChangedSinceTheFailover() throws Exception {
        LiveFunction payment = function("payments", "payment-function");
        FailoverPlanner.failover(payment, FailoverTargets.backupOf(payment), null).apply(pipeline, ApplyProgress.NONE);
        ObjectNode theirs = cluster.live(PAYMENT_VS);
        ((ObjectNode) theirs.at("/spec/http/0")).put("timeout", "9s");
        cluster.gateway.update(theirs, theirs.at("/metadata/resourceVersion").asText());
        String edited = review(PAYMENT_VS);

        ApplyOutcome back = Failback.of(pipeline.history(), target(), payment.subject(), null).apply(pipeline, ApplyProgress.NONE);

        assertThat(back).isInstanceOf(ApplyOutcome.Conflict.class);
        assertThat(back.summary()).contains("VirtualService payments/payment-function", "nothing was overwritten");
        assertThat(review(PAYMENT_VS)).isEqualTo(edited);
        assertThat(Failback.activeFailover(pipeline.history(), target(), payment.subject())).as("still failed over").isPresent();
    }

    @Test
    void bulkFailoverOfANamespaceGivesEachFunctionItsOwnResultAndHistoryEntry() throws Exception {
        List<LiveFunction> payments = namespace("payments");
        List<BulkFailover.Progress> progress = new CopyOnWriteArrayList<>();

        BulkFailover.Outcome outcome = new BulkFailover(pipeline, 4)
                .run(payments, FailoverTargets::backupOf, "region outage", false, progress::add);

        assertThat(outcome.results()).extracting(BulkFailover.Result::subject).containsExactlyElementsOf(
                payments.stream().map(LiveFunction::subject).toList());
        assertThat(outcome.results()).filteredOn(BulkFailover.Result::failedOver)
                .extracting(BulkFailover.Result::subject).containsExactly("kubernetes payments/payment-function");
        assertThat(outcome.results()).filteredOn(r -> !r.failedOver())
                .allSatisfy(r -> assertThat(r.line()).contains("skipped: no configured failover target"));
        assertThat(outcome.summary()).isEqualTo(payments.size() + " function(s): 1 failed over, 0 not failed over, "
                + (payments.size() - 1) + " skipped");
        assertThat(progress).hasSize(payments.size());
        assertThat(progress).extracting(BulkFailover.Progress::done).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, payments.size()).boxed().toList());
        assertThat(cluster.live(PAYMENT_VS).at("/spec/http/0/route/0/destination/host").asText()).isEqualTo("payment-function-backup");
    }

    @Test
    void bulkFailoverToEachFunctionsFirstTargetWritesOneChangeSetPerFunction() throws Exception {
        List<LiveFunction> serverless = namespace("serverless");

        BulkFailover.Outcome outcome = new BulkFailover(pipeline, 4).run(serverless,
                fn -> FailoverTargets.of(fn).stream().findFirst().orElseThrow(() ->
                        new IllegalArgumentException("no target")).target(), "drill", false, p -> { });

        List<HistoryEntry> failovers = new H2ChangeHistory(dir.resolve("data")).entries().stream()
                .filter(e -> e.action() == Action.FAILOVER).toList();
        assertThat(outcome.failedOver()).as(String.join("\n", outcome.results().stream().map(BulkFailover.Result::line).toList()))
                .isGreaterThanOrEqualTo(2);
        assertThat(failovers).hasSize((int) outcome.failedOver());
        assertThat(failovers).extracting(HistoryEntry::subject).doesNotHaveDuplicates()
                .contains("kubernetes serverless/order-function", "knative serverless/image-resize");
        ObjectNode order = cluster.live(SandboxCluster.VS);
        assertThat(order.at("/spec/http/0/route/0/destination/host").asText()).isEqualTo("order-function-v2");
        assertThat(order.at("/spec/http/0/route")).hasSize(1);
    }

    @Test
    void restartAndScaleAreRecordedAndRolledBack() throws Exception {
        String before = review(PAYMENT_DEPLOYMENT);
        LiveFunction payment = function("payments", "payment-function");
        ApplyOutcome restart = Rollouts.restart(payment, null, Instant.parse("2025-06-01T10:15:30Z"), null)
                .apply(pipeline, ApplyProgress.NONE);
        assertThat(restart).as(restart.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(cluster.live(PAYMENT_DEPLOYMENT).at("/spec/template/metadata/annotations")
                .path(Rollouts.RESTARTED_AT).asText()).isEqualTo("2025-06-01T10:15:30Z");
        assertThat(pipeline.history().entries().get(0).reason()).isEqualTo("restart Deployment payments/payment-function");

        ApplyOutcome undoRestart = Rollouts.undo(pipeline.history(), target(), function("payments", "payment-function"), null, null)
                .apply(pipeline, ApplyProgress.NONE);
        assertThat(undoRestart).as(undoRestart.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(review(PAYMENT_DEPLOYMENT)).isEqualTo(before);

        ApplyOutcome scale = Rollouts.scale(function("payments", "payment-function"), null, 5, "absorb load")
                .apply(pipeline, ApplyProgress.NONE);
        assertThat(scale.applied()).isTrue();
        assertThat(cluster.live(PAYMENT_DEPLOYMENT).at("/spec/replicas").asInt()).isEqualTo(5);
        ApplyOutcome undoScale = Rollouts.undo(pipeline.history(), target(), function("payments", "payment-function"), null, null)
                .apply(pipeline, ApplyProgress.NONE);
        assertThat(undoScale.applied()).isTrue();
        assertThat(review(PAYMENT_DEPLOYMENT)).isEqualTo(before);
        assertThat(pipeline.history().entries().get(0).action()).isEqualTo(Action.ROLLBACK);
    }

    @Test
    void knativeScaleSetsTheRevisionTemplatesBounds() throws Exception {
        LiveFunction thumbnail = function("serverless", "thumbnail");
        ApplyOutcome scaled = Rollouts.knativeScale(thumbnail, 2, 10, null).apply(pipeline, ApplyProgress.NONE);
        assertThat(scaled).as(scaled.summary()).isInstanceOf(ApplyOutcome.Applied.class);
        ObjectNode service = cluster.live(new ResourceId("serving.knative.dev/v1", "Service", "serverless", "thumbnail"));
        assertThat(service.at("/spec/template/metadata/annotations").path(Rollouts.KNATIVE_MIN_SCALE).asText()).isEqualTo("2");
        assertThat(service.at("/spec/template/metadata/annotations").path(Rollouts.KNATIVE_MAX_SCALE).asText()).isEqualTo("10");
    }

    @Test
    void aDeniedAccessReviewDisablesTheFailoverWithTheClustersReason() throws Exception {
        LiveFunction payment = function("payments", "payment-function");
        FunctionChange change = FailoverPlanner.failover(payment, FailoverTargets.backupOf(payment), null);
        Permissions allowed = Permissions.check(cluster.gateway.access(), cluster.gateway.identity(), change.changes());
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.decisions()).extracting(d -> d.verb()).containsExactly("get", "update");

        cluster.kube.accessReviews().deny("update", "virtualservices", "payments",
                "RBAC: role payments-viewer grants get, list, watch only");
        Permissions denied = Permissions.check(cluster.gateway.access(), cluster.gateway.identity(), change.changes());

        assertThat(denied.allowed()).isFalse();
        assertThat(denied.denial()).hasValue("kubeconfig user meshdeck-sandbox may not update VirtualService"
                + " payments/payment-function: RBAC: role payments-viewer grants get, list, watch only. Ask a cluster admin"
                + " for these RBAC verbs, or use a context that has them.");
    }
}
