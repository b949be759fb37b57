package dev.meshdeck.views.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.editing.EditSession;
import dev.meshdeck.core.editing.forms.NewPolicy;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.ResourceRef;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.yaml.SourcePosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The editor's drafts per form, markers, offers, status line and Apply rules, without a stage. */
class EditorModelTest {

    private static final SourceRef SANDBOX = new SourceRef.KubeContext("sandbox", "c", "https://127.0.0.1:6443");
    private static final FunctionId ORDER = new FunctionId(SANDBOX, Platform.KUBERNETES, "serverless", "order-function");
    private static final FunctionId FRAUD = new FunctionId(SANDBOX, Platform.KNATIVE, "payments", "fraud-check");
    private static final Finding UNPARSED = new Finding("MD0001", Severity.ERROR, Category.SYNTAX,
            new ResourceRef("VirtualService", "serverless", "order-function"), "",
            Optional.of(new SourcePosition("candidate", 7, 3)), "mapping values are not allowed here",
            Optional.empty(), Optional.empty());

    private static final String ORDER_VS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: order-function, namespace: serverless}
            spec:
              hosts: [order-function]
              http:
              - route:
                - destination: {host: order-function, subset: v1}
                  weight: 90
                - destination: {host: order-function, subset: v2}
                  weight: 10
            """;
    private static final String MESH_TLS = """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: default, namespace: istio-system}
            spec: {mtls: {mode: STRICT}}
            """;

    private final EditSession session = new EditSession();
    private final EditorModel model = new EditorModel(session, "Ctrl+Enter");

    private static ServerlessFunction function(FunctionId id) {
        return new ServerlessFunction(id, List.of(), MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of());
    }

    private void open(FunctionId id, MeshResource... resources) {
        session.open(id, List.of(resources));
        model.show(function(id));
        model.readDrafts();
    }

    @Test
    void eachFormGetsItsDraftAndNoneIsActiveUntilATabIsChosen() {
        open(ORDER, new MeshResource("VirtualService", "serverless", "order-function", ORDER_VS),
                new MeshResource("PeerAuthentication", "istio-system", "default", MESH_TLS));

        assertThat(model.trafficDraft()).as("the VirtualService carries the split").isNotNull();
        assertThat(model.routingDraft()).isSameAs(model.trafficDraft());
        assertThat(model.resilienceDraft()).isNull();
        assertThat(model.securityDrafts()).extracting(Draft::kind).containsExactly("PeerAuthentication");
        assertThat(model.traffic()).isPresent();
        assertThat(model.active()).isNull();
        assertThat(model.draftOf(EditorModel.Form.ROUTING, null)).isSameAs(model.routingDraft());
        assertThat(model.showsDraftsOf(function(ORDER))).as("no tab chosen yet").isFalse();

        model.activate(model.routingDraft());
        assertThat(model.showsDraftsOf(function(ORDER))).isTrue();
        assertThat(model.otherObjects()).hasSize(1);
    }

    @Test
    void aMeshWidePolicyDoesNotStopOneOfTheFunctionsOwnButOneInItsNamespaceDoes() {
        open(ORDER, new MeshResource("PeerAuthentication", "istio-system", "default", MESH_TLS));
        assertThat(model.securityOffers()).contains(NewPolicy.PEER_AUTHENTICATION, NewPolicy.AUTHORIZATION_POLICY);

        model.create(NewPolicy.PEER_AUTHENTICATION).orElseThrow();
        assertThat(model.securityOffers()).doesNotContain(NewPolicy.PEER_AUTHENTICATION).contains(NewPolicy.AUTHORIZATION_POLICY);
    }

    @Test
    void emptyFormsSayWhyAndOfferWhatThePlatformAllows() {
        open(FRAUD);
        assertThat(model.noRouting().message()).contains("Knative routes fraud-check");
        assertThat(model.noRouting().offers()).isEmpty();
        assertThat(model.noResilience().offers()).containsExactly(NewPolicy.DESTINATION_RULE);
        assertThat(model.noTraffic()).doesNotContain("Create a VirtualService");

        open(ORDER);
        assertThat(model.noRouting().offers()).containsExactly(NewPolicy.VIRTUAL_SERVICE);
        assertThat(model.noTraffic()).contains("Create a VirtualService on the Routing tab");
    }

    @Test
    void aCreatedObjectIsPendingAndDiscardableUntilDiscarded() {
        open(ORDER);
        assertThat(model.marks().pending()).isEqualTo("no changes pending");
        assertThat(model.marks().canExport()).isFalse();

        Draft created = model.create(NewPolicy.DESTINATION_RULE).orElseThrow();
        model.activate(model.resilienceDraft());
        assertThat(model.resilienceDraft()).isSameAs(created);
        assertThat(model.statusProperty().get()).startsWith("New DestinationRule order-function");
        EditorModel.Marks marks = model.marks();
        assertThat(marks.discardable()).isTrue();
        assertThat(marks.function()).isTrue();
        assertThat(marks.resilience()).isTrue();
        assertThat(marks.routing()).isFalse();
        assertThat(marks.pending()).isEqualTo("1 change pending");
        assertThat(model.pendingOfShown()).containsExactly(created);

        assertThat(model.create(NewPolicy.DESTINATION_RULE)).as("one per function").isEmpty();
        assertThat(model.statusProperty().get()).isNotBlank();

        assertThat(model.discardNew()).isTrue();
        assertThat(model.resilienceDraft()).isNull();
        assertThat(model.marks().pending()).isEqualTo("no changes pending");
        assertThat(model.statusProperty().get()).isEqualTo("Discarded the new DestinationRule order-function");
    }

    @Test
    void anExistingObjectIsNotDiscardedAndUndoFollowsTheActiveDraft() {
        open(ORDER, new MeshResource("VirtualService", "serverless", "order-function", ORDER_VS));
        model.activate(model.routingDraft());
        assertThat(model.discardNew()).isFalse();
        assertThat(model.marks().canUndo()).isFalse();

        assertThat(model.traffic().orElseThrow().setCandidatePercent(50)).isTrue();
        assertThat(model.marks().canUndo()).isTrue();
        assertThat(model.marks().traffic()).isTrue();
    }

    @Test
    void forgettingTheShownFunctionAsksForItToBeReadAgain() {
        open(ORDER, new MeshResource("VirtualService", "serverless", "order-function", ORDER_VS));
        model.activate(model.routingDraft());

        assertThat(model.forget(List.of(FRAUD))).isFalse();
        assertThat(model.active()).isNotNull();
        assertThat(model.forget(List.of(ORDER))).isTrue();
        assertThat(model.active()).isNull();
        assertThat(session.isOpen(ORDER)).isFalse();
    }

    @Test
    void anAppliedMessageGoesWhenAnotherFunctionIsShown() {
        model.show(function(ORDER));
        model.report("Applied and verified: 1 change");

        model.show(function(ORDER));
        assertThat(model.statusProperty().get()).as("the same function again").isEqualTo("Applied and verified: 1 change");

        model.show(function(FRAUD));
        assertThat(model.statusProperty().get()).isEmpty();
    }

    @Test
    void anAppliedMessageGoesAtTheNextEdit() {
        model.show(function(ORDER));
        model.report("Applied and verified: 1 change");

        model.edited();

        assertThat(model.statusProperty().get()).isEmpty();
    }

    @Test
    void applyIsRefusedWhileTheYamlDoesNotParseAndSaysWhere() {
        model.show(function(ORDER));
        model.yamlProblems(List.of(UNPARSED));

        EditorModel.ApplyState apply = model.apply(1, Optional.empty());
        EditorModel.ApplyState all = model.applyAll(2, Optional.empty());

        assertThat(apply.enabled()).isFalse();
        assertThat(all.enabled()).isFalse();
        assertThat(apply.tooltip()).isEqualTo("The YAML does not parse at line 7: mapping values are not allowed here. "
                + "Fix it, or undo, before applying.");

        model.yamlProblems(List.of());
        assertThat(model.apply(1, Optional.empty()))
                .isEqualTo(new EditorModel.ApplyState(true, "Review and apply the 1 pending change(s) of this function (Ctrl+Enter)"));
    }

    @Test
    void applyIsRefusedWithNothingPendingOrWithProductionDisarmed() {
        model.show(function(ORDER));

        assertThat(model.apply(0, Optional.empty())).isEqualTo(new EditorModel.ApplyState(false, "No changes of this function to apply"));
        assertThat(model.applyAll(3, Optional.of("Production is read-only: arm it first")))
                .isEqualTo(new EditorModel.ApplyState(false, "Production is read-only: arm it first"));
    }

    @Test
    void anotherFunctionStartsWithoutTheLastOnesYamlProblem() {
        model.show(function(ORDER));
        model.yamlProblems(List.of(UNPARSED));

        model.show(function(FRAUD));

        assertThat(model.apply(1, Optional.empty()).enabled()).isTrue();
    }
}
