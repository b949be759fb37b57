package dev.meshdeck.core.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.workloads.RolloutHistory;
import dev.meshdeck.core.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code rollout undo} as kubectl does it: a ReplicaSet revision's template back on the Deployment. */
class RollBackTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: payment-function
              namespace: payments
              uid: d-1
              annotations: {deployment.kubernetes.io/revision: "3", kubernetes.io/change-cause: "CI pushed 2.0"}
              labels: {app: payment-function}
            spec:
              replicas: 2
              template:
                metadata: {labels: {app: payment-function}}
                spec: {containers: [{name: function, image: "pay:2.0"}]}
            """;

    @Test
    void historyListsTheOwnedReplicaSetsOldestFirstAndMarksTheCurrentOne() throws Exception {
        RolloutHistory history = history();

        assertThat(history.revisions()).extracting(RolloutHistory.Revision::number).containsExactly(1L, 2L, 3L);
        assertThat(history.current()).map(RolloutHistory.Revision::replicaSet).contains("payment-function-c3");
        assertThat(history.revision(2)).map(RolloutHistory.Revision::images).contains(List.of("pay:1.1"));
        assertThat(history.revision(3).orElseThrow().changeCause()).contains("CI pushed 2.0");
        assertThat(history.revision(1).orElseThrow().template().at("/metadata/labels").has("pod-template-hash")).isFalse();
    }

    @Test
    void undoRestoresThePreviousRevisionsTemplateAndChangeCause() throws Exception {
        FunctionChange change = Rollouts.rollBack(payment(), null, List.of(history()), null, null);

        ResourceChange only = change.changes().changes().get(0);
        ObjectNode after = only.after();
        assertThat(after.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("pay:1.1");
        assertThat(after.at("/spec/template/metadata/labels").has("pod-template-hash")).isFalse();
        assertThat(after.at("/metadata/annotations").has("kubernetes.io/change-cause")).isFalse();
        assertThat(after.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(change.title()).isEqualTo("Roll back Deployment payments/payment-function to revision 2 (pay:1.1)");
    }

    @Test
    void undoToARevisionRestoresThatOne() throws Exception {
        FunctionChange change = Rollouts.rollBack(payment(), "payment-function", List.of(history()), 1L, "bad image");

        ObjectNode after = change.changes().changes().get(0).after();
        assertThat(after.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("pay:1.0");
        assertThat(after.at("/metadata/annotations/kubernetes.io~1change-cause").asText()).isEqualTo("first");
        assertThat(change.request().reason()).isEqualTo("bad image");
    }

    @Test
    void theRunningRevisionOrAMissingOneIsRefused() throws Exception {
        assertThatThrownBy(() -> Rollouts.rollBack(payment(), null, List.of(history()), 3L, null))
                .hasMessageContaining("already runs revision 3");
        assertThatThrownBy(() -> Rollouts.rollBack(payment(), null, List.of(history()), 9L, null))
                .hasMessageContaining("has no revision 9 (revisions: 1, 2, 3)");
    }

    private static RolloutHistory history() throws Exception {
        return RolloutHistory.of(read(DEPLOYMENT), List.of(
                replicaSet("c3", 3, "pay:2.0", "CI pushed 2.0", "d-1"),
                replicaSet("a1", 1, "pay:1.0", "first", "d-1"),
                replicaSet("b2", 2, "pay:1.1", null, "d-1"),
                replicaSet("other", 4, "x:1", null, "d-2")));
    }

    private static ObjectNode replicaSet(String hash, int revision, String image, String cause, String owner) throws Exception {
        return read("""
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: payment-function-%1$s
                  namespace: payments
                  annotations: {deployment.kubernetes.io/revision: "%2$d"%4$s}
                  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: payment-function, uid: %5$s}]
                spec:
                  replicas: 0
                  template:
                    metadata: {labels: {app: payment-function, pod-template-hash: %1$s}}
                    spec: {containers: [{name: function, image: "%3$s"}]}
                """.formatted(hash, revision, image, cause == null ? "" : ", kubernetes.io/change-cause: \"" + cause + "\"",
                owner));
    }

    private static LiveFunction payment() throws Exception {
        ServerlessFunction fn = new ServerlessFunction(new FunctionId(new SourceRef.KubeContext("test", "c", "s"),
                Platform.KUBERNETES, "payments", "payment-function"), List.of(new TrafficShare("v1", 100)),
                MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of());
        return new LiveFunction(fn, List.of(read(DEPLOYMENT)));
    }

    private static ObjectNode read(String yaml) throws Exception {
        return (ObjectNode) new YamlReader().read("test.yaml", yaml).get(0).tree();
    }
}
