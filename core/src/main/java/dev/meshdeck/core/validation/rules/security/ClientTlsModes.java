package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Hosts;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Selectors;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DestinationRule whose TLS settings clients use towards a namespace's workloads, as Istio picks the most
 * specific host: a Service's own host, then "*.NS.svc.cluster.local", then the mesh-wide "*.local" / "*". Only
 * DestinationRules without workloadSelector and with a TLS mode count.
 */
final class ClientTlsModes {

    private final Map<String, Resource> byHost = new HashMap<>();
    private final Map<String, List<Resource>> servicesByNamespace = new HashMap<>();

    ClientTlsModes(ValidationContext context) {
        for (Resource dr : context.ofKind("DestinationRule")) {
            if (!dr.spec().has("workloadSelector") && !mode(dr).isEmpty()) {
                byHost.putIfAbsent(Hosts.qualify(dr.spec().path("host").asText(""), dr.namespace()), dr);
            }
        }
        for (Resource svc : context.ofKind("Service")) {
            if (svc.group().isEmpty() && svc.spec().path("selector").isObject()) {
                servicesByNamespace.computeIfAbsent(svc.namespace(), k -> new ArrayList<>()).add(svc);
            }
        }
    }

    static String mode(Resource dr) {
        return dr.spec().path("trafficPolicy").path("tls").path("mode").asText("");
    }

    /**
     * The DestinationRule in force for clients of the workloads {@code selector} picks in {@code namespace} (null
     * selector: the namespace as a whole), or null. With a selector, a Service counts when its selector includes
     * the policy's labels (Kiali's reading).
     */
    Resource forWorkloads(String namespace, JsonNode selector) {
        if (selector != null && selector.isObject() && !selector.isEmpty()) {
            for (Resource svc : servicesByNamespace.getOrDefault(namespace, List.of())) {
                Resource dr = byHost.get(Hosts.ofService(svc.name(), namespace));
                if (dr != null && Selectors.selects(selector, svc.spec().path("selector"))) {
                    return dr;
                }
            }
        }
        for (String host : new String[] {"*." + namespace + Hosts.CLUSTER_SUFFIX, "*.local", "*"}) {
            Resource dr = byHost.get(host);
            if (dr != null) {
                return dr;
            }
        }
        return null;
    }
}
