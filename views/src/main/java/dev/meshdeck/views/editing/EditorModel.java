package dev.meshdeck.views.editing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.editing.EditSession;
import dev.meshdeck.core.editing.TrafficEditorModel;
import dev.meshdeck.core.editing.forms.FunctionTarget;
import dev.meshdeck.core.editing.forms.NewPolicy;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.validation.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The editor's state and rules, without a stage: the function shown, its drafts per form (traffic, routing,
 * resilience, security) and the active one (the YAML pane's), what the dirty markers, undo/redo and the pending
 * count say, what the status line says about the last action, which new objects are offered, and when Apply and
 * Apply all may run. {@link EditorPane} lays it out and binds to it.
 */
final class EditorModel {

    /** The editor's form tabs. */
    enum Form { TRAFFIC, ROUTING, RESILIENCE, SECURITY }

    /** Whether an apply button may be pressed, and what its tooltip says either way. */
    record ApplyState(boolean enabled, String tooltip) {
    }

    /**
     * What the header and the tabs show: a dirty marker per function and form, Discard for a new object, the pending
     * count, and whether undo, redo and export can run.
     */
    record Marks(boolean function, boolean traffic, boolean routing, boolean resilience, boolean security,
                 boolean discardable, String pending, boolean canUndo, boolean canRedo, boolean canExport) {
    }

    /** A form without an object of its own: what it says instead, and the new objects it offers. */
    record Empty(String message, List<NewPolicy> offers) {
    }

    private final EditSession session;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final String applyKeys;
    /** One per traffic draft, kept while the draft is: the slider's state survives switching functions. */
    private final Map<Draft, TrafficEditorModel> trafficModels = new HashMap<>();
    private ServerlessFunction shown;
    private List<Finding> yamlProblems = List.of();
    private Draft active;
    private Draft trafficDraft;
    private Draft routingDraft;
    private Draft resilienceDraft;
    private List<Draft> securityDrafts = List.of();
    private TrafficEditorModel traffic;

    /** @param applyKeys the shortcut of Apply as shown ("Ctrl+↵") */
    EditorModel(EditSession session, String applyKeys) {
        this.session = session;
        this.applyKeys = applyKeys;
    }

    EditSession session() {
        return session;
    }

    /** The status line: what the last action (apply, export, create, discard) did, until it no longer holds. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The function shown, or null. */
    ServerlessFunction function() {
        return shown;
    }

    /** Whether {@code function} is shown with its drafts already (showing it again changes nothing). */
    boolean showsDraftsOf(ServerlessFunction function) {
        return shown != null && shown.id().equals(function.id()) && active != null;
    }

    /** Another function is shown: what was said about the previous one's last action is not about this one. */
    void show(ServerlessFunction function) {
        if (shown == null || !function.id().equals(shown.id())) {
            status.set("");
            yamlProblems = List.of();
        }
        shown = function;
    }

    /** Reads the drafts of the function shown from the session, one per form; none is active until activated. */
    void readDrafts() {
        FunctionId id = shown.id();
        List<Draft> drafts = session.drafts(id);
        trafficDraft = session.trafficDraft(id).orElse(null);
        routingDraft = first(drafts, "VirtualService", "networking.istio.io/");
        resilienceDraft = first(drafts, "DestinationRule", "networking.istio.io/");
        securityDrafts = drafts.stream().filter(d -> d.apiVersion().startsWith("security.istio.io/")
                && List.of("AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication").contains(d.kind())).toList();
        traffic = trafficDraft == null ? null : trafficModels.computeIfAbsent(trafficDraft, TrafficEditorModel::new);
        active = null;
    }

    /** No drafts shown (loading, or the load failed). */
    void clearDrafts() {
        active = null;
        trafficDraft = null;
        routingDraft = null;
        resilienceDraft = null;
        securityDrafts = List.of();
        traffic = null;
    }

    private static Draft first(List<Draft> drafts, String kind, String apiGroup) {
        return drafts.stream().filter(d -> kind.equals(d.kind()) && d.apiVersion().startsWith(apiGroup)).findFirst()
                .orElse(null);
    }

    Optional<TrafficEditorModel> traffic() {
        return Optional.ofNullable(traffic);
    }

    Draft trafficDraft() {
        return trafficDraft;
    }

    Draft routingDraft() {
        return routingDraft;
    }

    Draft resilienceDraft() {
        return resilienceDraft;
    }

    List<Draft> securityDrafts() {
        return securityDrafts;
    }

    /** The draft a form shows; on Security, the one chosen there. */
    Draft draftOf(Form form, Draft securityChoice) {
        return switch (form) {
            case TRAFFIC -> trafficDraft;
            case ROUTING -> routingDraft;
            case RESILIENCE -> resilienceDraft;
            case SECURITY -> securityChoice;
        };
    }

    /** The draft the YAML pane, the diff and undo work on, or null. */
    Draft active() {
        return active;
    }

    /** Makes {@code draft} (or none) the active one. */
    void activate(Draft draft) {
        active = draft;
    }

    /** The drafts of the function shown other than the active one (the validator judges the active one among them). */
    List<JsonNode> otherObjects() {
        if (shown == null) {
            return List.of();
        }
        return session.drafts(shown.id()).stream().filter(d -> d != active).map(d -> (JsonNode) d.candidate()).toList();
    }

    /** What the Traffic tab says when no object carries the function's traffic. */
    String noTraffic() {
        return "No VirtualService, Knative Service or Lambda alias carries the traffic of " + shown.name()
                + "; nothing to split here."
                + (NewPolicy.VIRTUAL_SERVICE.offeredFor(shown) ? " Create a VirtualService on the Routing tab." : "");
    }

    /** What the Routing tab says and offers without a VirtualService. */
    Empty noRouting() {
        String message = shown.platform() == Platform.LAMBDA ? outsideMesh()
                : shown.platform() == Platform.KNATIVE ? "Knative routes " + shown.name() + " through its own "
                + "Istio integration; its traffic split is on the Traffic tab."
                : "No VirtualService routes " + shown.name() + " yet: requests reach every version of its Service alike.";
        return new Empty(message, offers(NewPolicy.VIRTUAL_SERVICE));
    }

    /** What the Resilience tab says and offers without a DestinationRule. */
    Empty noResilience() {
        String message = shown.platform() == Platform.LAMBDA ? outsideMesh()
                : "No DestinationRule sets load balancing, circuit breaking or TLS for " + shown.name()
                + " yet: Istio's defaults apply.";
        return new Empty(message, offers(NewPolicy.DESTINATION_RULE));
    }

    /** The security objects the function may get: a kind it has no object of in its own namespace. */
    List<NewPolicy> securityOffers() {
        List<NewPolicy> offers = new ArrayList<>();
        for (NewPolicy p : List.of(NewPolicy.AUTHORIZATION_POLICY, NewPolicy.PEER_AUTHENTICATION, NewPolicy.REQUEST_AUTHENTICATION)) {
            // a namespace- or mesh-wide object elsewhere (istio-system/default) does not stop a policy of the function's own
            if (securityDrafts.stream().noneMatch(d -> d.kind().equals(p.kind()) && d.ref().namespace().equals(shown.namespace()))) {
                offers.addAll(offers(p));
            }
        }
        return offers;
    }

    private String outsideMesh() {
        return shown.name() + " runs on AWS Lambda, outside the mesh: no Istio policy applies to it.";
    }

    private List<NewPolicy> offers(NewPolicy policy) {
        return policy.offeredFor(shown) ? List.of(policy) : List.of();
    }

    /**
     * Creates a new object of this kind for the function shown, from its form's defaults, and reads the drafts
     * again; empty (and the status line says why) when it cannot.
     */
    Optional<Draft> create(NewPolicy policy) {
        if (shown == null || !session.isOpen(shown.id())) {
            return Optional.empty();
        }
        Draft created;
        try {
            created = session.create(shown.id(), policy.defaults(FunctionTarget.of(shown)));
        } catch (IllegalArgumentException exists) {
            status.set(exists.getMessage());
            return Optional.empty();
        }
        readDrafts();
        status.set("New " + policy.kind() + " " + created.ref().name() + ": review it, then export");
        return Optional.of(created);
    }

    /** Drops the active draft when it is a new object (never applied); false when it is not one. */
    boolean discardNew() {
        if (active == null || !active.isNew() || shown == null) {
            return false;
        }
        Draft dropped = active;
        session.discard(dropped);
        trafficModels.remove(dropped);
        readDrafts();
        status.set("Discarded the new " + dropped.kind() + " " + dropped.ref().name());
        return true;
    }

    /**
     * Forgets the drafts of {@code functions} (applied, or rolled back under them); true when the function shown
     * is one of them and must be read again.
     */
    boolean forget(Collection<FunctionId> functions) {
        for (FunctionId function : functions) {
            trafficModels.keySet().removeIf(d -> d.function().equals(function));
            session.forget(function);
        }
        if (shown != null && functions.contains(shown.id())) {
            active = null;
            return true;
        }
        return false;
    }

    /** The markers and buttons as the session stands now. */
    Marks marks() {
        int count = session.pending().size();
        return new Marks(shown != null && session.dirty(shown.id()),
                trafficDraft != null && trafficDraft.dirty(),
                routingDraft != null && routingDraft.dirty(),
                resilienceDraft != null && resilienceDraft.dirty(),
                securityDrafts.stream().anyMatch(Draft::dirty),
                active != null && active.isNew(),
                count == 0 ? "no changes pending" : count == 1 ? "1 change pending" : count + " changes pending",
                active != null && active.canUndo(),
                active != null && active.canRedo(),
                count > 0);
    }

    /** Says what an action did. */
    void report(String message) {
        status.set(message);
    }

    /** A draft changed (an edit, undo or redo): a message about an earlier action ("Applied…") would be stale. */
    void edited() {
        status.set("");
    }

    /** The YAML pane's text does not parse (these problems) or does again (empty): it is not what Apply would send. */
    void yamlProblems(List<Finding> problems) {
        yamlProblems = List.copyOf(problems);
    }

    /** The pending drafts Apply would send: the function shown's. */
    List<Draft> pendingOfShown() {
        return shown == null ? List.of() : session.pendingOf(shown.id());
    }

    /**
     * Apply: the pending changes of the function shown.
     *
     * @param pending how many of its objects differ from the cluster
     * @param refused why its sources refuse writes now (production not armed), if they do
     */
    ApplyState apply(int pending, Optional<String> refused) {
        return state(pending, refused, "No changes of this function to apply",
                "Review and apply the " + pending + " pending change(s) of this function (" + applyKeys + ")");
    }

    /** Apply all: every pending change of the session, as one change set. */
    ApplyState applyAll(int pending, Optional<String> refused) {
        return state(pending, refused, "No changes to apply",
                "Review and apply every pending change (" + pending + ") as one change set");
    }

    private ApplyState state(int pending, Optional<String> refused, String nothing, String ready) {
        if (!yamlProblems.isEmpty()) {
            // the draft holds the last text that parsed: applying now would send something other than what is shown
            Finding first = yamlProblems.get(0);
            return new ApplyState(false, "The YAML does not parse" + first.position().map(p -> " at line " + p.line()).orElse("")
                    + ": " + first.message() + ". Fix it, or undo, before applying.");
        }
        if (refused.isPresent()) {
            return new ApplyState(false, refused.get());
        }
        return pending == 0 ? new ApplyState(false, nothing) : new ApplyState(true, ready);
    }
}
