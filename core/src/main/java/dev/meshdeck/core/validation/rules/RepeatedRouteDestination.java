package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Hosts;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One route lists the same destination (host, however written, subset and port) more than once: the weights are
 * split across copies of one target, which usually hides a typo in the subset meant for a canary (Kiali's
 * repeated-subset check, KIA1105, which ignores the port).
 */
public final class RepeatedRouteDestination implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0251", Severity.WARNING, Category.SEMANTIC,
            "the same destination appears twice in one route").kiali("KIA1105");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        RouteWeights.forEachRouteList(context, (vs, list) -> {
            Map<String, List<Integer>> positions = new LinkedHashMap<>();
            for (int j = 0; j < list.routes().size(); j++) {
                JsonNode d = list.routes().get(j).path("destination");
                String key = Hosts.qualify(d.path("host").asText(""), vs.namespace()) + "|" + d.path("subset").asText("")
                        + "|" + d.path("port").path("number").asText("");
                positions.computeIfAbsent(key, k -> new ArrayList<>()).add(j);
            }
            positions.values().stream().filter(p -> p.size() > 1).forEach(p -> {
                for (int j : p) {
                    JsonNode d = list.routes().get(j).path("destination");
                    String subset = d.path("subset").asText("");
                    findings.report(INFO, vs, list.pointer() + "/" + j + "/destination/host", "destination \""
                            + d.path("host").asText("") + "\"" + (subset.isEmpty() ? "" : " subset \"" + subset + "\"")
                            + " appears " + p.size() + " times in this route; merge them into one destination with the summed "
                            + "weight, or fix the subset meant for the other share");
                }
            });
        });
    }
}
