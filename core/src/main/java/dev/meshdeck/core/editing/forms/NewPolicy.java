package dev.meshdeck.core.editing.forms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;

/**
 * The policies an editor can create for a function that has none, each starting from its form's defaults
 * (created in the function's namespace, pointing at its host or selecting its pods).
 */
public enum NewPolicy {
    VIRTUAL_SERVICE("VirtualService"),
    DESTINATION_RULE("DestinationRule"),
    AUTHORIZATION_POLICY("AuthorizationPolicy"),
    PEER_AUTHENTICATION("PeerAuthentication"),
    REQUEST_AUTHENTICATION("RequestAuthentication");

    private final String kind;

    NewPolicy(String kind) {
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    /**
     * Whether MeshDeck offers to create this policy for {@code function}: never for Lambda (outside the mesh),
     * and no VirtualService for a Knative Service, whose routing Knative's own Istio integration writes.
     */
    public boolean offeredFor(ServerlessFunction function) {
        if (function.platform() == Platform.LAMBDA) {
            return false;
        }
        return this != VIRTUAL_SERVICE || function.platform() != Platform.KNATIVE;
    }

    /** The new object, as its form starts it. */
    public ObjectNode defaults(FunctionTarget function) {
        return switch (this) {
            case VIRTUAL_SERVICE -> RoutingForm.newFor(function).candidate();
            case DESTINATION_RULE -> ResilienceForm.newFor(function).candidate();
            case AUTHORIZATION_POLICY -> SecurityForm.newAuthorizationPolicy(function).candidate();
            case PEER_AUTHENTICATION -> SecurityForm.newPeerAuthentication(function).candidate();
            case REQUEST_AUTHENTICATION -> SecurityForm.newRequestAuthentication(function).candidate();
        };
    }
}
