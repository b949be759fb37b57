package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.JsonPointers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Locality load balancing istiod rejects (Istio's ValidateLocalityLbSetting): distribute together with failover,
 * a distribute weight outside 1..100 or weights not totalling 100, localities that overlap or put "*" anywhere but
 * last, failover within one region or naming zones or "*", and failover together with a topology label in
 * failoverPriority. Like Istio, it stops at the first of the first three problems.
 */
public final class LocalityLoadBalancing implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0512", Severity.ERROR, Category.SEMANTIC,
            "DestinationRule locality load balancing setting invalid").istio("IST0106");

    /** The labels failover already orders by; Istio refuses them in failoverPriority next to failover. */
    static final Set<String> TOPOLOGY_LABELS = Set.of("topology.kubernetes.io/region", "topology.kubernetes.io/zone",
            "topology.istio.io/subzone");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            JsonNode locality = policy.get("loadBalancer").path("localityLbSetting");
            if (locality.isObject()) {
                firstProblem(locality, policy.at("/loadBalancer/localityLbSetting"))
                        .ifPresent(p -> findings.report(INFO, policy.rule(), p[0], p[1]));
                failover(INFO, policy, locality.path("failover"), policy.at("/loadBalancer/localityLbSetting/failover/"),
                        "locality lb failover", findings);
            }
        });
    }

    /** The problem ({pointer, message}) Istio reports first and then stops at, if any. */
    private static Optional<String[]> firstProblem(JsonNode locality, String at) {
        JsonNode distribute = locality.path("distribute");
        JsonNode failover = locality.path("failover");
        if (distribute.size() > 0 && failover.size() > 0) {
            return Optional.of(new String[] {at + "/failover", "can not simultaneously specify 'distribute' and "
                    + "'failover': distribute fixes where traffic goes, failover only applies without it"});
        }
        if (failover.size() > 0) {
            JsonNode priority = locality.path("failoverPriority");
            for (int i = 0; i < priority.size(); i++) {
                if (TOPOLOGY_LABELS.contains(priority.get(i).asText())) {
                    return Optional.of(new String[] {at + "/failoverPriority/" + i, "can not simultaneously set "
                            + "'failover' and topology label '" + priority.get(i).asText() + "' in 'failoverPriority'"});
                }
            }
        }
        List<String> from = new ArrayList<>();
        for (int i = 0; i < distribute.size(); i++) {
            JsonNode entry = distribute.get(i);
            String entryAt = at + "/distribute/" + i;
            from.add(entry.path("from").asText(""));
            long total = 0;
            List<String> to = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("to").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> weight = it.next();
                to.add(weight.getKey());
                long w = weight.getValue().asLong(0);
                if (w <= 0 || w > 100) {
                    return Optional.of(new String[] {entryAt + "/to/" + JsonPointers.token(weight.getKey()),
                            "locality weight " + w + " of " + weight.getKey() + " must be in range [1, 100]"});
                }
                total += w;
            }
            if (total != 100) {
                return Optional.of(new String[] {entryAt + "/to", "total locality weight " + total + " != 100: the "
                        + "weights of traffic from " + entry.path("from").asText("") + " must add up to 100"});
            }
            Optional<String> overlap = localities(to);
            if (overlap.isPresent()) {
                return Optional.of(new String[] {entryAt + "/to", overlap.get()});
            }
        }
        return localities(from).map(problem -> new String[] {at + "/distribute", problem});
    }

    /** Failover entries (of locality or zone-aware balancing) that Istio rejects: within one region, zones, "*". */
    static void failover(RuleInfo rule, DestinationRules.Policy policy, JsonNode failover, String at, String what,
            Findings findings) {
        for (int i = 0; i < failover.size(); i++) {
            String from = failover.get(i).path("from").asText("");
            String to = failover.get(i).path("to").asText("");
            if (from.equals(to)) {
                findings.report(rule, policy.rule(), at + i, what + " settings must specify different regions: "
                        + "failover from " + from + " to itself does nothing");
            }
            if (from.contains("/") || to.contains("/")) {
                findings.report(rule, policy.rule(), at + i, what + " only specifies regions, not zones: \"" + from
                        + "\" -> \"" + to + "\"");
            }
            if (from.contains("*") || to.contains("*")) {
                findings.report(rule, policy.rule(), at + i, what + " region should not contain '*' wildcard");
            }
        }
    }

    /**
     * Localities ("region", "region/zone", "region/zone/subzone", each possibly ending in "*") that overlap or
     * misuse the wildcard: Istio's validateLocalities, region by region and zone by zone.
     */
    static Optional<String> localities(List<String> localities) {
        // region -> zone -> subzones; "*" marks "all of them"
        Map<String, Map<String, Set<String>>> seen = new HashMap<>();
        for (String locality : localities) {
            long stars = locality.chars().filter(c -> c == '*').count();
            if (stars > 1 || (stars == 1 && !locality.endsWith("*"))) {
                return Optional.of("locality " + locality + " wildcard '*' number can not exceed 1 and must be in the end");
            }
            if (seen.containsKey("*")) {
                return overlap(locality);
            }
            String[] parts = locality.split("/", 3);
            for (String part : parts) {
                if (part.isEmpty()) {
                    return Optional.of("locality " + locality + " must not contain empty region/zone/subzone info");
                }
            }
            Map<String, Set<String>> zones = seen.get(parts[0]);
            if (parts.length == 1) {
                if (zones != null) {
                    return overlap(locality);
                }
                seen.put(parts[0], Map.of("*", Set.of("*")));
                continue;
            }
            if (zones != null && zones.containsKey("*")) {
                return overlap(locality);
            }
            zones = seen.computeIfAbsent(parts[0], r -> new HashMap<>());
            Set<String> subzones = zones.get(parts[1]);
            if (parts.length == 2) {
                if (subzones != null) {
                    return overlap(locality);
                }
                zones.put(parts[1], Set.of("*"));
            } else if (subzones != null && (subzones.contains("*") || subzones.contains(parts[2]))) {
                return overlap(locality);
            } else {
                zones.computeIfAbsent(parts[1], z -> new HashSet<>()).add(parts[2]);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> overlap(String locality) {
        return Optional.of("locality " + locality + " overlaps with previously specified ones");
    }
}
