package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Hosts;
import java.util.ArrayList;
import java.util.List;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A VirtualService bound to a Gateway none of whose servers accepts any of the VirtualService's hosts (namespace-qualified server hosts respected): the routes are never used on that gateway. */
public final class HostNotInGateway implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0305", Severity.WARNING, Category.REFERENCE,
            "VirtualService host not accepted by its gateway").istio("IST0132");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        if (!mesh.knowsGateways()) {
            return;
        }
        GatewayRefs.ofCandidates(context, (vs, ref) -> {
            if (ref.isMesh() || ref.isInternal()) {
                return;
            }
            Resource istio = mesh.istioGateway(ref.fullName());
            Resource gatewayApi = istio == null ? mesh.kubernetesGateway(ref.fullName()) : null;
            List<String> accepted = gatewayApi != null ? listenerHosts(gatewayApi) : serverHosts(istio, vs.namespace());
            if (!anyOverlap(accepted, vs.spec().path("hosts"))) {
                String why = istio == null && gatewayApi == null ? "it does not exist"
                        : accepted.isEmpty() ? "it accepts no hosts for namespace \"" + vs.namespace() + "\"" : "it accepts only " + accepted;
                findings.report(INFO, vs, ref.pointer(), "none of the hosts " + vs.spec().path("hosts")
                        + " is served by gateway " + ref.fullName() + ": " + why + "; add the host to a server of the Gateway or fix spec.hosts");
            }
        });
    }

    /** Server hosts of an Istio Gateway visible to a VirtualService of {@code vsNamespace} (namespace-qualified "ns/host" forms included). */
    static List<String> serverHosts(Resource gateway, String vsNamespace) {
        List<String> hosts = new ArrayList<>();
        if (gateway == null) {
            return hosts;
        }
        for (JsonNode server : gateway.spec().path("servers")) {
            for (JsonNode h : server.path("hosts")) {
                String host = h.asText("");
                int slash = host.indexOf('/');
                if (slash >= 0) {
                    String ns = host.substring(0, slash);
                    if (ns.equals(".")) {
                        ns = gateway.namespace();
                    }
                    if (!ns.equals("*") && !ns.equals(vsNamespace)) {
                        continue;
                    }
                    host = host.substring(slash + 1);
                }
                hosts.add(host);
            }
        }
        return hosts;
    }

    /** Listener hostnames of a Gateway API Gateway; a listener without hostname accepts every host. */
    static List<String> listenerHosts(Resource gateway) {
        List<String> hosts = new ArrayList<>();
        for (JsonNode listener : gateway.spec().path("listeners")) {
            String h = listener.path("hostname").asText("");
            hosts.add(h.isEmpty() ? "*" : h);
        }
        return hosts;
    }

    private static boolean anyOverlap(List<String> accepted, JsonNode vsHosts) {
        for (String a : accepted) {
            for (JsonNode h : vsHosts) {
                if (Hosts.overlap(a, h.asText(""))) {
                    return true;
                }
            }
        }
        return false;
    }
}
