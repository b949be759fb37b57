package dev.meshdeck.core.inventory;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the mesh sees a function: whether the sidecar is injected and which Istio policies apply to it.
 * Policy references are "namespace/name". The per-kind lists hold the policies that name the function's host or
 * select its workloads, and the namespace- and mesh-wide security policies; {@code inherited} marks those declared
 * for the whole namespace or mesh (host-wildcard DestinationRules appear only there, so that what edits a
 * function's own rules never edits a namespace's) and which of them a more specific policy overrides.
 */
public record MeshStatus(
        boolean sidecarInjected,
        List<String> virtualServices,
        List<String> destinationRules,
        List<String> authorizationPolicies,
        List<String> peerAuthentications,
        List<String> requestAuthentications,
        List<InheritedPolicy> inherited) {

    public static final MeshStatus NOT_IN_MESH = new MeshStatus(false, List.of(), List.of(), List.of(), List.of(), List.of());

    public MeshStatus {
        virtualServices = List.copyOf(virtualServices);
        destinationRules = List.copyOf(destinationRules);
        authorizationPolicies = List.copyOf(authorizationPolicies);
        peerAuthentications = List.copyOf(peerAuthentications);
        requestAuthentications = List.copyOf(requestAuthentications);
        inherited = List.copyOf(inherited);
    }

    public MeshStatus(boolean sidecarInjected, List<String> virtualServices, List<String> destinationRules,
                      List<String> authorizationPolicies, List<String> peerAuthentications,
                      List<String> requestAuthentications) {
        this(sidecarInjected, virtualServices, destinationRules, authorizationPolicies, peerAuthentications,
                requestAuthentications, List.of());
    }

    public boolean hasPolicies() {
        return !(virtualServices.isEmpty() && destinationRules.isEmpty() && authorizationPolicies.isEmpty()
                && peerAuthentications.isEmpty() && requestAuthentications.isEmpty() && inherited.isEmpty());
    }

    /** How the policy {@code ref} of {@code kind} reaches the function, when it is inherited. */
    public Optional<InheritedPolicy> inheritance(PolicyKind kind, String ref) {
        return inherited.stream().filter(p -> p.kind() == kind && p.ref().equals(ref)).findFirst();
    }

    /** Every policy of {@code kind} that reaches the function: its own and the inherited ones, each once. */
    public List<String> allOf(PolicyKind kind) {
        List<String> own = kind.of(this);
        List<String> more = inherited.stream().filter(p -> p.kind() == kind && !own.contains(p.ref()))
                .map(InheritedPolicy::ref).toList();
        return more.isEmpty() ? own : Stream.concat(own.stream(), more.stream()).toList();
    }
}
