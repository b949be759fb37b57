package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.JsonPointers;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;

/**
 * A subset without a valid name (a DNS-1123 label) or with labels Kubernetes would not accept: istiod rejects the
 * DestinationRule (Istio's validateSubset).
 */
public final class SubsetDefinition implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0501", Severity.ERROR, Category.SCHEMA,
            "DestinationRule subset name or labels invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource dr : DestinationRules.candidates(context)) {
            JsonNode subsets = dr.spec().path("subsets");
            for (int i = 0; i < subsets.size(); i++) {
                JsonNode subset = subsets.get(i);
                String at = "/spec/subsets/" + i;
                String name = subset.path("name").asText("");
                if (name.isEmpty()) {
                    findings.report(INFO, dr, at, "subset " + i + " has no name: name it (e.g. v1) so routes can refer to it");
                } else if (!IstioValues.isDns1123Label(name)) {
                    findings.report(INFO, dr, at + "/name", "subset name \"" + name + "\" is invalid: use lower-case "
                            + "letters, digits and '-' (a DNS-1123 label of at most 63 characters)");
                }
                subset.path("labels").fields().forEachRemaining(label -> IstioValues.label(label.getKey(),
                        label.getValue().asText("")).ifPresent(problem -> findings.report(INFO, dr,
                        at + "/labels/" + JsonPointers.token(label.getKey()), "subset \"" + name + "\": " + problem)));
            }
        }
    }
}
