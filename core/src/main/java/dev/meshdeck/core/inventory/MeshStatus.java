package dev.meshdeck.core.inventory;

import java.util.List;

/**
 * How the mesh sees a function: whether the sidecar is injected and which Istio policies apply to it.
 * Policy references are "namespace/name".
 */
public record MeshStatus(
        boolean sidecarInjected,
        List<String> virtualServices,
        List<String> destinationRules,
        List<String> authorizationPolicies,
        List<String> peerAuthentications,
        List<String> requestAuthentications) {

    public static final MeshStatus NOT_IN_MESH = new MeshStatus(false, List.of(), List.of(), List.of(), List.of(), List.of());

    public MeshStatus {
        virtualServices = List.copyOf(virtualServices);
        destinationRules = List.copyOf(destinationRules);
        authorizationPolicies = List.copyOf(authorizationPolicies);
        peerAuthentications = List.copyOf(peerAuthentications);
        requestAuthentications = List.copyOf(requestAuthentications);
    }

    public boolean hasPolicies() {
        return !(virtualServices.isEmpty() && destinationRules.isEmpty() && authorizationPolicies.isEmpty()
                && peerAuthentications.isEmpty() && requestAuthentications.isEmpty());
    }
}
