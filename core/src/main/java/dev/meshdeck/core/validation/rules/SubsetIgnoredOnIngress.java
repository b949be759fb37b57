package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Hosts;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A gateway-bound VirtualService routes to a host without a subset while another VirtualService splits that host by subsets: the subset split only applies inside the mesh, not to requests entering through the gateway. */
public final class SubsetIgnoredOnIngress implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0205", Severity.WARNING, Category.SEMANTIC,
            "subset routing of a host has no effect on gateway routes to it").istio("IST0140");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        // host FQDN -> VirtualServices that route their own host to a subset of it
        Map<String, Set<Resource>> subsetSplits = new HashMap<>();
        for (Resource vs : context.ofKind("VirtualService")) {
            Set<String> ownHosts = new java.util.HashSet<>();
            vs.spec().path("hosts").forEach(h -> ownHosts.add(Hosts.qualify(h.asText(""), vs.namespace())));
            for (JsonNode rule : vs.spec().path("http")) {
                for (JsonNode route : rule.path("route")) {
                    JsonNode d = route.path("destination");
                    String host = Hosts.qualify(d.path("host").asText(""), vs.namespace());
                    if (!d.path("subset").asText("").isEmpty() && ownHosts.contains(host)) {
                        subsetSplits.computeIfAbsent(host, k -> new LinkedHashSet<>()).add(vs);
                    }
                }
            }
        }
        for (Resource vs : context.ofKind("VirtualService")) {
            if (!vs.candidate() || !boundToAGateway(vs)) {
                continue;
            }
            JsonNode http = vs.spec().path("http");
            for (int i = 0; i < http.size(); i++) {
                JsonNode routes = http.get(i).path("route");
                for (int j = 0; j < routes.size(); j++) {
                    JsonNode d = routes.get(j).path("destination");
                    if (!d.path("subset").asText("").isEmpty()) {
                        continue;
                    }
                    String host = Hosts.qualify(d.path("host").asText(""), vs.namespace());
                    java.util.List<String> splitting = new java.util.ArrayList<>();
                    for (Resource other : subsetSplits.getOrDefault(host, Set.of())) {
                        if (other != vs) {
                            splitting.add(other.namespace() + "/" + other.name());
                        }
                    }
                    if (!splitting.isEmpty()) {
                        findings.report(INFO, vs, "/spec/http/" + i + "/route/" + j + "/destination/host", "VirtualServices " + splitting
                                + " split \"" + d.path("host").asText("") + "\" by subset, but that split does not apply to requests from this gateway route;"
                                + " route to the subsets here too if ingress traffic should follow it");
                    }
                }
            }
        }
    }

    private static boolean boundToAGateway(Resource vs) {
        for (JsonNode g : vs.spec().path("gateways")) {
            if (!g.asText("").equals(GatewayRefs.MESH)) {
                return true;
            }
        }
        return false;
    }
}
