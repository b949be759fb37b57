package dev.meshdeck.core.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.MeshResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditSessionTest {

    private final EditSession session = new EditSession();

    private TrafficEditorModel traffic(EditSession s, dev.meshdeck.core.inventory.FunctionId id, List<MeshResource> resources) {
        s.open(id, resources);
        return new TrafficEditorModel(s.trafficDraft(id).orElseThrow());
    }

    @Test
    void undoAndRedoWalkThroughCandidateStates() {
        TrafficEditorModel model = traffic(session, Fixtures.ORDERS, Fixtures.orders());
        Draft draft = model.draft();

        model.setCandidatePercent(25);
        model.setCandidatePercent(50);
        assertThat(model.candidatePercent()).isEqualTo(50);

        assertThat(draft.undo()).isTrue();
        assertThat(model.candidatePercent()).isEqualTo(25);
        assertThat(draft.undo()).isTrue();
        assertThat(model.candidatePercent()).isEqualTo(10);
        assertThat(draft.undo()).as("nothing before the live object").isFalse();
        assertThat(draft.dirty()).isFalse();

        assertThat(draft.redo()).isTrue();
        assertThat(model.candidatePercent()).isEqualTo(25);
        model.setCandidatePercent(30);
        assertThat(draft.canRedo()).as("a new edit drops the redo states").isFalse();
    }

    @Test
    void sameCandidateTwiceAddsNoHistory() {
        TrafficEditorModel model = traffic(session, Fixtures.ORDERS, Fixtures.orders());

        assertThat(model.setCandidatePercent(10)).isFalse();
        assertThat(model.draft().canUndo()).isFalse();
    }

    @Test
    void dirtyFollowsTheCandidateAndBackToLiveIsClean() {
        TrafficEditorModel model = traffic(session, Fixtures.ORDERS, Fixtures.orders());

        model.setCandidatePercent(50);
        assertThat(session.dirty(Fixtures.ORDERS)).isTrue();
        model.setCandidatePercent(10);
        assertThat(session.dirty(Fixtures.ORDERS)).as("same as live again").isFalse();
        assertThat(model.draft().canUndo()).isTrue();
    }

    @Test
    void switchingFunctionsKeepsEditsAndPendingListsThemAll() {
        TrafficEditorModel orders = traffic(session, Fixtures.ORDERS, Fixtures.orders());
        orders.setCandidatePercent(50);
        TrafficEditorModel resize = traffic(session, Fixtures.RESIZE, Fixtures.resize());
        resize.setCandidatePercent(30);

        // reopening (the catalog answers again) returns the drafts with their edits
        List<Draft> again = session.open(Fixtures.ORDERS, Fixtures.orders());
        assertThat(new TrafficEditorModel(again.get(0)).candidatePercent()).isEqualTo(50);
        assertThat(session.pending()).extracting(d -> d.ref().toString())
                .containsExactly(resize.draft().ref().toString(), orders.draft().ref().toString());
        assertThat(session.pending()).hasSize(2);
    }

    @Test
    void listenersHearEditsUndoAndRedo() {
        List<String> heard = new ArrayList<>();
        session.addListener(d -> heard.add(d.ref().name()));
        TrafficEditorModel model = traffic(session, Fixtures.ORDERS, Fixtures.orders());

        model.setCandidatePercent(20);
        model.draft().undo();
        model.draft().redo();

        assertThat(heard).containsExactly("order-function", "order-function", "order-function");
    }

    @Test
    void exportYamlIsReviewableMultiDocumentInStableOrder() {
        traffic(session, Fixtures.ORDERS, Fixtures.orders()).setCandidatePercent(50);
        traffic(session, Fixtures.INVOICE, Fixtures.invoice()).setCandidatePercent(20);

        String yaml = session.exportYaml();

        assertThat(yaml.split("(?m)^---$")).hasSize(2);
        assertThat(yaml.indexOf("kind: LambdaAlias")).as("123456789012/eu-west-1 sorts before meshdeck-sandbox")
                .isLessThan(yaml.indexOf("kind: VirtualService"));
        assertThat(yaml).contains("weight: 50", "\"4\": 0.2", "team: orders")
                .doesNotContain("resourceVersion", "status:", "observedGeneration", "kind: DestinationRule");
    }

    @Test
    void exportToWritesOneFilePerResourceWithLambdaAliasesApart(@TempDir Path dir) throws Exception {
        traffic(session, Fixtures.ORDERS, Fixtures.orders()).setCandidatePercent(50);
        traffic(session, Fixtures.INVOICE, Fixtures.invoice()).setCandidatePercent(20);

        List<Path> files = session.exportTo(dir);

        assertThat(files).containsExactly(dir.resolve("lambda/invoice-pdf-live.yaml"),
                dir.resolve("serverless/virtualservice-order-function.yaml"));
        assertThat(Files.readString(files.get(1))).startsWith("apiVersion: networking.istio.io/v1\n")
                .contains("weight: 50").doesNotContain("---", "resourceVersion");
    }

    @Test
    void nothingPendingExportsNothing(@TempDir Path dir) throws Exception {
        session.open(Fixtures.ORDERS, Fixtures.orders());

        assertThat(session.exportYaml()).isEmpty();
        assertThat(session.exportTo(dir)).isEmpty();
    }

    @Test
    void unreadableResourceIsSkipped() {
        List<Draft> drafts = session.open(Fixtures.ORDERS, List.of(
                new MeshResource("VirtualService", "serverless", "broken", "spec: [unclosed"),
                Fixtures.orders().get(1)));

        assertThat(drafts).extracting(Draft::kind).containsExactly("DestinationRule");
        assertThat(session.trafficDraft(Fixtures.ORDERS)).isEmpty();
    }

    @Test
    void newObjectIsPendingDiffsAgainstNothingAndCanBeDiscarded() {
        session.open(Fixtures.ORDERS, Fixtures.orders());
        var defaults = dev.meshdeck.core.editing.forms.NewPolicy.PEER_AUTHENTICATION
                .defaults(dev.meshdeck.core.editing.forms.FunctionTarget.of("serverless", "order-function"));

        Draft created = session.create(Fixtures.ORDERS, defaults);

        assertThat(created.isNew()).isTrue();
        assertThat(created.live()).isNull();
        assertThat(created.dirty()).isTrue();
        assertThat(created.diff().changeCount()).isPositive();
        assertThat(session.pending()).contains(created);
        assertThat(session.exportYaml()).contains("kind: PeerAuthentication", "mode: STRICT");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.create(Fixtures.ORDERS, defaults))
                .hasMessageContaining("already exists");

        assertThat(session.discard(created)).isTrue();
        assertThat(session.pending()).doesNotContain(created);
        assertThat(session.drafts(Fixtures.ORDERS)).doesNotContain(created);
        Draft live = session.drafts(Fixtures.ORDERS).get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.discard(live)).hasMessageContaining("revert it");
    }
}
