package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Hosts;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A VirtualService routes to a subset that no DestinationRule for that host defines: Envoy answers 503 NR. */
public final class SubsetNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0302", Severity.ERROR, Category.REFERENCE,
            "route destination subset not defined by any DestinationRule").istio("IST0101").kiali("KIA1107");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        if (!context.knows("DestinationRule")) {
            return;
        }
        Map<String, Set<String>> subsetsByHost = new HashMap<>();
        for (Resource dr : context.ofKind("DestinationRule")) {
            String host = Hosts.qualify(dr.spec().path("host").asText(""), dr.namespace());
            Set<String> subsets = subsetsByHost.computeIfAbsent(host, h -> new HashSet<>());
            for (JsonNode subset : dr.spec().path("subsets")) {
                subsets.add(subset.path("name").asText(""));
            }
        }
        RouteDestinations.ofCandidates(context, (vs, d) -> {
            if (d.subset().isEmpty()) {
                return;
            }
            String host = Hosts.qualify(d.host(), vs.namespace());
            if (!subsetsByHost.getOrDefault(host, Set.of()).contains(d.subset())) {
                findings.report(INFO, vs, d.pointer() + "/subset", "subset \"" + d.subset() + "\" of host \""
                        + d.host() + "\" is not defined in any DestinationRule; requests would fail with 503");
            }
        });
    }
}
