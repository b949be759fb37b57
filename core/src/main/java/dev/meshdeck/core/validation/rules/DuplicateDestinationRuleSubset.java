package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Hosts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * Several DestinationRules (without workloadSelector) for the same host and subset, or for the same host where one
 * has no subsets: Istio merges only the first, so the other subsets or policies may be ignored. Kiali reports it;
 * istioctl has no analyzer for it. Mesh- and namespace-wide mTLS defaults are left out (see {@link #isMtlsDefault}).
 */
public final class DuplicateDestinationRuleSubset implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0210", Severity.WARNING, Category.SEMANTIC,
            "several DestinationRules for the same host and subset").kiali("KIA0201");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        Map<String, List<Resource>> byHost = new LinkedHashMap<>();
        for (Resource dr : context.ofKind("DestinationRule")) {
            if (dr.spec().has("workloadSelector") || isMtlsDefault(dr)) {
                continue;
            }
            String fqdn = Hosts.qualify(dr.spec().path("host").asText(""), dr.namespace());
            byHost.computeIfAbsent(fqdn, k -> new ArrayList<>()).add(dr);
        }
        for (Resource dr : context.ofKind("DestinationRule")) {
            if (!dr.candidate() || dr.spec().has("workloadSelector") || isMtlsDefault(dr)) {
                continue;
            }
            String fqdn = Hosts.qualify(dr.spec().path("host").asText(""), dr.namespace());
            Set<String> mine = subsets(dr);
            Set<String> clashes = new LinkedHashSet<>();
            for (Resource other : sameHost(fqdn, byHost)) {
                if (other == dr) {
                    continue;
                }
                Set<String> theirs = subsets(other);
                if (mine.isEmpty() || theirs.isEmpty() || theirs.stream().anyMatch(mine::contains)) {
                    clashes.add(other.namespace() + "/" + other.name());
                }
            }
            if (!clashes.isEmpty()) {
                findings.report(INFO, dr, "/spec/host", "DestinationRules " + clashes + " also apply to host \"" + dr.spec().path("host").asText("")
                        + "\"" + (mine.isEmpty() ? "" : " with subsets among " + mine) + "; Istio uses only one of them per host, so subsets or policies of the others are ignored. Merge them");
            }
        }
    }

    /**
     * Istio's documented mTLS default: ISTIO_MUTUAL on "*.local" (mesh) or "*.NS.svc.cluster.local" in NS itself
     * (namespace). It is meant to sit beside per-host rules, and Istio applies the most specific host, so it
     * collides with nothing (Kiali exempts exactly these two shapes too).
     */
    static boolean isMtlsDefault(Resource dr) {
        String host = dr.spec().path("host").asText("");
        return dr.spec().path("trafficPolicy").path("tls").path("mode").asText("").equals("ISTIO_MUTUAL")
                && (host.equals("*.local") || host.equals("*." + dr.namespace() + Hosts.CLUSTER_SUFFIX));
    }

    private static Set<String> subsets(Resource dr) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode s : dr.spec().path("subsets")) {
            names.add(s.path("name").asText(""));
        }
        return names;
    }

    /** DestinationRules whose host overlaps {@code fqdn}: the same host, a wildcard covering it, or (for a wildcard) what it covers. */
    private static List<Resource> sameHost(String fqdn, Map<String, List<Resource>> byHost) {
        List<Resource> out = new ArrayList<>(byHost.getOrDefault(fqdn, List.of()));
        if (fqdn.startsWith("*")) {
            byHost.forEach((host, list) -> {
                if (!host.equals(fqdn) && Hosts.overlap(fqdn, host)) {
                    out.addAll(list);
                }
            });
            return out;
        }
        out.addAll(byHost.getOrDefault("*", List.of()));
        for (int dot = fqdn.indexOf('.'); dot >= 0; dot = fqdn.indexOf('.', dot + 1)) {
            out.addAll(byHost.getOrDefault("*" + fqdn.substring(dot), List.of()));
        }
        return out;
    }
}
