package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A workloadSelector without labels: it selects every workload of the namespace, which is rarely meant. Istio
 * admits it with a warning.
 */
public final class WorkloadSelectorWithoutLabels implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0504", Severity.WARNING, Category.SEMANTIC,
            "DestinationRule workloadSelector without labels");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource dr : DestinationRules.candidates(context)) {
            JsonNode selector = dr.spec().path("workloadSelector");
            if (selector.isObject() && selector.path("matchLabels").size() == 0) {
                findings.report(INFO, dr, "/spec/workloadSelector", "workloadSelector has no matchLabels, so this "
                        + "DestinationRule applies to every workload in namespace " + dr.namespace()
                        + "; add matchLabels or remove the selector");
            }
        }
    }
}
