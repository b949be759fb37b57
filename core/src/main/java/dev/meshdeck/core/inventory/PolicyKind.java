package dev.meshdeck.core.inventory;

import java.util.List;

/** The Istio policy kinds a function can be governed by, in the order the mesh column lists them. */
public enum PolicyKind {
    VIRTUAL_SERVICE("VS", "VirtualService"),
    DESTINATION_RULE("DR", "DestinationRule"),
    AUTHORIZATION_POLICY("AP", "AuthorizationPolicy"),
    PEER_AUTHENTICATION("PA", "PeerAuthentication"),
    REQUEST_AUTHENTICATION("RA", "RequestAuthentication");

    private final String abbreviation;
    private final String kind;

    PolicyKind(String abbreviation, String kind) {
        this.abbreviation = abbreviation;
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    public String abbreviation() {
        return abbreviation;
    }

    /**
     * Whether one policy of this kind takes effect and the more specific one hides the others (Istio picks the
     * DestinationRule of the most specific host and the PeerAuthentication of the narrowest scope), rather than
     * all of them applying together (AuthorizationPolicies and RequestAuthentications combine).
     */
    public boolean mostSpecificWins() {
        return this == DESTINATION_RULE || this == PEER_AUTHENTICATION;
    }

    public List<String> of(MeshStatus mesh) {
        return switch (this) {
            case VIRTUAL_SERVICE -> mesh.virtualServices();
            case DESTINATION_RULE -> mesh.destinationRules();
            case AUTHORIZATION_POLICY -> mesh.authorizationPolicies();
            case PEER_AUTHENTICATION -> mesh.peerAuthentications();
            case REQUEST_AUTHENTICATION -> mesh.requestAuthentications();
        };
    }
}
