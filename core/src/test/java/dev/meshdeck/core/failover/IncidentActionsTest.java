package dev.meshdeck.core.failover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.access.AccessDecision;
import dev.meshdeck.core.access.AccessReview;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.changes.history.OverriddenFinding;
import dev.meshdeck.core.changes.history.ChangeHistory;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.Status;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.yaml.YamlReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the window's incident buttons offer and why they are disabled, without a cluster. */
class IncidentActionsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: payment-function
              namespace: payments
              annotations: {meshdeck.dev/failover-target: payment-function-backup}
              labels: {app: payment-function, version: v1}
            spec: {replicas: 2}
            """;
    private static final String VIRTUAL_SERVICE = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: payment-function, namespace: payments, resourceVersion: "3"}
            spec:
              hosts: [payment-function]
              http: [{route: [{destination: {host: payment-function}}]}]
            """;

    private static final WriteTarget C = new WriteTarget.KubeContext("c");
    private static final WriteTarget EU = new WriteTarget.AwsRegion("123456789012", null, "eu-west-1");

    @Test
    void theConfiguredBackupIsPreselectedAndNothingStandsToFailBackFrom() throws Exception {
        IncidentActions actions = IncidentActions.assess(payment(), new Entries(), C, AccessReview.UNCHECKED, "me");

        assertThat(actions.preselected()).map(o -> o.target().toString()).contains("host:payment-function-backup");
        assertThat(actions.activeFailover()).isEmpty();
        assertThat(actions.failbackHint()).isEmpty();
        assertThat(actions.denial()).isEmpty();
    }

    @Test
    void aDeniedUpdateOfTheVirtualServiceIsTheReasonTheActionsAreDisabled() throws Exception {
        AccessReview noUpdate = (id, verb) -> new AccessDecision(id, verb, !verb.equals("update"), true, "RBAC: no");

        IncidentActions actions = IncidentActions.assess(payment(), new Entries(), C, noUpdate, "alice");

        assertThat(actions.denial()).hasValueSatisfying(d -> assertThat(d)
                .startsWith("alice may not update VirtualService payments/payment-function: RBAC: no"));
    }

    @Test
    void anAppliedFailoverIsOfferedForFailbackSayingWhenAndWhich() throws Exception {
        LiveFunction fn = payment();
        FunctionChange failover = FailoverPlanner.failover(fn, FailoverTargets.backupOf(fn), "INC-1");
        Entries history = new Entries();
        long id = history.begin(C, "me", failover.request(), failover.changes(), List.of());
        history.finish(id, Status.APPLIED, "");

        IncidentActions actions = IncidentActions.assess(fn, history, C, AccessReview.UNCHECKED, "me");

        assertThat(actions.activeFailover()).map(HistoryEntry::id).contains(id);
        assertThat(actions.failbackHint()).hasValueSatisfying(h -> assertThat(h)
                .startsWith("Failed over at 2026-01-02 03:04:05 UTC (change set " + id + ": INC-1)"));
        assertThat(IncidentActions.assess(fn, history, new WriteTarget.KubeContext("other"), AccessReview.UNCHECKED, "me").activeFailover())
                .as("a failover written elsewhere").isEmpty();
    }

    @Test
    void aFailoverWrittenToOneOfTheTargetsAPipelineWritesIsOfferedForFailback() throws Exception {
        LiveFunction fn = payment();
        FunctionChange failover = FailoverPlanner.failover(fn, FailoverTargets.backupOf(fn), "INC-2");
        Entries history = new Entries();
        long id = history.begin(C, "me", failover.request(), failover.changes(), List.of());
        history.finish(id, Status.APPLIED, "");

        // a Lambda function's pipeline writes its region and the context of its mesh entry
        assertThat(IncidentActions.assess(fn, history, WriteTarget.of(List.of(C, EU)), AccessReview.UNCHECKED, "me")
                .activeFailover()).map(HistoryEntry::id).contains(id);
        assertThat(IncidentActions.assess(fn, history, WriteTarget.of(List.of(new WriteTarget.KubeContext("d"), EU)), AccessReview.UNCHECKED, "me")
                .activeFailover()).isEmpty();
        assertThat(IncidentActions.assess(fn, history, new WriteTarget.KubeContext("cc"), AccessReview.UNCHECKED, "me").activeFailover()).isEmpty();
    }

    private static LiveFunction payment() throws Exception {
        ServerlessFunction fn = new ServerlessFunction(new FunctionId(new SourceRef.KubeContext("test", "c", "s"),
                Platform.KUBERNETES, "payments", "payment-function"), List.of(new TrafficShare("v1", 100)),
                MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of());
        List<ObjectNode> objects = new ArrayList<>();
        for (String y : List.of(DEPLOYMENT, VIRTUAL_SERVICE)) {
            objects.add((ObjectNode) new YamlReader().read("test.yaml", y).get(0).tree());
        }
        return new LiveFunction(fn, objects);
    }

    /** A history in memory, newest first, every entry started at the same instant. */
    private static final class Entries implements ChangeHistory {
        private final List<HistoryEntry> entries = new ArrayList<>();

        @Override
        public long begin(WriteTarget target, String identity, ApplyRequest request, ChangeSet changes,
                          List<OverriddenFinding> overridden) {
            long id = entries.size() + 1;
            Instant at = Instant.parse("2026-01-02T03:04:05Z");
            entries.add(0, new HistoryEntry(id, at, at, target, identity, request.reason(), request.action(),
                    request.relatesTo(), request.subject(), Status.IN_PROGRESS, "", changes, List.of()));
            return id;
        }

        @Override
        public void written(long id, int index, ObjectNode stored) {
        }

        @Override
        public void finish(long id, Status status, String detail) {
            HistoryEntry e = entry(id).orElseThrow();
            entries.set(entries.indexOf(e), new HistoryEntry(e.id(), e.started(), e.finished(), e.target(), e.identity(),
                    e.reason(), e.action(), e.relatesTo(), e.subject(), status, detail, e.changes(), e.written()));
        }

        @Override
        public List<HistoryEntry> entries() {
            return List.copyOf(entries);
        }

        @Override
        public Optional<HistoryEntry> entry(long id) {
            return entries.stream().filter(e -> e.id() == id).findFirst();
        }
    }
}
