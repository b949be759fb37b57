package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Selectors;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mTLS mode a workload accepts, as Istio resolves PeerAuthentications: a workload policy (selector) wins over
 * the namespace policy (no selector), which wins over the mesh policy (no selector, root namespace); UNSET or an
 * absent mode inherits from the next level, and the default is PERMISSIVE.
 */
final class PeerAuthnModes {

    /** The resolved mode and the PeerAuthentication that set it (null for Istio's default). */
    record Effective(String mode, Resource source) {
        boolean meshWide() {
            return source != null && source.namespace().equals(MeshWorkloads.ROOT_NAMESPACE)
                    && MeshWorkloads.selector(source) == null;
        }
    }

    /** Workload policies by namespace, then by the first key=value pair of their selector. */
    private final Map<String, Map<String, List<Resource>>> workloadPolicies = new HashMap<>();
    private final Map<Resource, Integer> order = new HashMap<>();
    private final Map<String, Resource> namespacePolicies = new HashMap<>();

    PeerAuthnModes(ValidationContext context) {
        for (Resource pa : context.ofKind("PeerAuthentication")) {
            JsonNode selector = MeshWorkloads.selector(pa);
            if (selector == null || selector.isEmpty()) {
                namespacePolicies.putIfAbsent(pa.namespace(), pa);
            } else {
                var first = selector.fields().next();
                workloadPolicies.computeIfAbsent(pa.namespace(), k -> new HashMap<>())
                        .computeIfAbsent(first.getKey() + "=" + first.getValue().asText(), k -> new ArrayList<>()).add(pa);
                order.put(pa, order.size());
            }
        }
    }

    static String mode(Resource pa) {
        String mode = pa.spec().path("mtls").path("mode").asText("");
        return mode.isEmpty() || mode.equals("UNSET") ? null : mode;
    }

    /**
     * The mode for workloads labelled {@code labels} in {@code namespace}; {@code labels} null means "the namespace
     * as a whole" (workload policies are not consulted).
     */
    Effective forWorkload(String namespace, JsonNode labels) {
        if (labels != null && labels.isObject() && !labels.isEmpty()) {
            Map<String, List<Resource>> local = workloadPolicies.getOrDefault(namespace, Map.of());
            Resource chosen = null;
            for (var pair : (Iterable<Map.Entry<String, JsonNode>>) labels::fields) {
                for (Resource pa : local.getOrDefault(pair.getKey() + "=" + pair.getValue().asText(), List.of())) {
                    if (mode(pa) != null && Selectors.selects(MeshWorkloads.selector(pa), labels)
                            && (chosen == null || order.get(pa) < order.get(chosen))) {
                        chosen = pa;
                    }
                }
            }
            if (chosen != null) {
                return new Effective(mode(chosen), chosen);
            }
        }
        Resource ns = namespacePolicies.get(namespace);
        if (ns != null && mode(ns) != null) {
            return new Effective(mode(ns), ns);
        }
        Resource mesh = namespacePolicies.get(MeshWorkloads.ROOT_NAMESPACE);
        if (mesh != null && mode(mesh) != null) {
            return new Effective(mode(mesh), mesh);
        }
        return new Effective("PERMISSIVE", null);
    }
}
