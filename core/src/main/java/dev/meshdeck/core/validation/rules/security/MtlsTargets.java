package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Hosts;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which PeerAuthentication governs the servers a DestinationRule sends to: {@code *.local} / {@code *} reach the
 * whole mesh (mesh policy), {@code *.NS.svc.cluster.local} a namespace (namespace, then mesh policy), and a
 * Service host its Service's workloads (workload, namespace, then mesh policy).
 */
final class MtlsTargets {

    /** A DestinationRule whose TLS mode the peers it targets cannot accept. */
    interface Conflict {
        void found(Resource destinationRule, String tlsMode, Target target, RuleInfo info);
    }

    /**
     * Calls {@code conflict} for each DestinationRule with one of {@code tlsModes} whose target workloads have
     * the PeerAuthentication mode {@code peerMode}, with {@code rule} carrying the Kiali code for the scope: the
     * namespace-level code as given, {@code meshKialiCode} mesh-wide, none for workload selectors.
     */
    static void forEachConflict(ValidationContext context, Set<String> tlsModes, String peerMode, RuleInfo rule,
            String meshKialiCode, Conflict conflict) {
        if (!context.knows("PeerAuthentication") || !context.knows("DestinationRule")) {
            return;
        }
        MtlsTargets targets = context.index(MtlsTargets.class, MtlsTargets::new);
        for (Resource dr : context.ofKind("DestinationRule")) {
            String tls = dr.spec().path("trafficPolicy").path("tls").path("mode").asText("");
            if (!tlsModes.contains(tls)) {
                continue;
            }
            Target t = targets.of(dr);
            if (t == null || !t.effective().mode().equals(peerMode)) {
                continue;
            }
            RuleInfo info = switch (t.scope()) {
                case "mesh" -> rule.kiali(meshKialiCode);
                case "namespace" -> rule;
                default -> new RuleInfo(rule.code(), rule.severity(), rule.category(), rule.title(), rule.istioCode(),
                        Optional.empty());
            };
            conflict.found(dr, tls, t, info);
        }
    }

    /** The servers' mode; {@code scope} is "mesh", "namespace" or "workload". */
    record Target(String scope, PeerAuthnModes.Effective effective) {
    }

    private final PeerAuthnModes modes;
    private final Map<String, Resource> services = new HashMap<>();

    MtlsTargets(ValidationContext context) {
        this.modes = new PeerAuthnModes(context);
        for (Resource svc : context.ofKind("Service")) {
            services.put(Hosts.ofService(svc.name(), svc.namespace()), svc);
        }
    }

    /** The target of a DestinationRule, or null for hosts outside the cluster. */
    Target of(Resource dr) {
        String host = dr.spec().path("host").asText("");
        if (host.equals("*") || host.equals("*.local") || host.equals("*.cluster.local")) {
            return new Target("mesh", modes.forWorkload(MeshWorkloads.ROOT_NAMESPACE, null));
        }
        String fqdn = Hosts.qualify(host, dr.namespace());
        if (!fqdn.endsWith(Hosts.CLUSTER_SUFFIX)) {
            return null;
        }
        String[] parts = fqdn.substring(0, fqdn.length() - Hosts.CLUSTER_SUFFIX.length()).split("\\.");
        if (parts.length != 2) {
            return null;
        }
        if (parts[0].equals("*")) {
            return new Target("namespace", modes.forWorkload(parts[1], null));
        }
        Resource svc = services.get(fqdn);
        JsonNode selector = svc == null || !svc.spec().path("selector").isObject() ? null : svc.spec().path("selector");
        return new Target(selector == null ? "namespace" : "workload", modes.forWorkload(parts[1], selector));
    }

    static String describe(PeerAuthnModes.Effective e) {
        return "PeerAuthentication " + e.source().namespace() + "/" + e.source().name() + " (mode " + e.mode() + ")";
    }
}
