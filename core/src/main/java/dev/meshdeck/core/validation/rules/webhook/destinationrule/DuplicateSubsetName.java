package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import java.util.HashSet;
import java.util.Set;

/**
 * Two subsets of one DestinationRule share a name: istiod rejects it ("duplicate subset names"). Several
 * DestinationRules defining the same subset are MD0210's finding.
 */
public final class DuplicateSubsetName implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0502", Severity.ERROR, Category.SEMANTIC,
            "DestinationRule defines a subset name twice").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource dr : DestinationRules.candidates(context)) {
            JsonNode subsets = dr.spec().path("subsets");
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < subsets.size(); i++) {
                String name = subsets.get(i).path("name").asText("");
                if (!name.isEmpty() && !seen.add(name)) {
                    findings.report(INFO, dr, "/spec/subsets/" + i + "/name", "subset \"" + name
                            + "\" is defined twice in this DestinationRule; Istio rejects it. Rename or merge one of them");
                }
            }
        }
    }
}
