package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.JsonPointers;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;

/** A workloadSelector label with an empty key or a "*": istiod rejects the DestinationRule. */
public final class WorkloadSelectorLabels implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0503", Severity.ERROR, Category.SCHEMA,
            "DestinationRule workloadSelector label with an empty key or a wildcard").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource dr : DestinationRules.candidates(context)) {
            dr.spec().path("workloadSelector").path("matchLabels").fields().forEachRemaining(label ->
                    IstioValues.selectorLabel(label.getKey(), label.getValue().asText("")).ifPresent(problem ->
                            findings.report(INFO, dr, "/spec/workloadSelector/matchLabels/" + JsonPointers.token(label.getKey()),
                                    problem + "; selectors match labels exactly")));
        }
    }
}
