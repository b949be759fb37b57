package dev.meshdeck.core.validation.rules.webhook.policy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;

/**
 * A {@code selector.matchLabels} entry Istio's webhook refuses (validateWorkloadSelector): an empty label key, or
 * a "*" in a key or value — selectors match labels exactly, so a wildcard would select nothing.
 */
public final class WorkloadSelectorLabels implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0600", Severity.ERROR, Category.SCHEMA,
            "policy selector label with an empty key or a wildcard").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode spec : PolicyNode.specs(context, PolicyNode.SELECTING_KINDS)) {
            for (PolicyNode.Entry label : spec.field("selector").field("matchLabels").entries()) {
                IstioValues.selectorLabel(label.key(), label.value().text()).ifPresent(problem ->
                        findings.report(INFO, spec.resource(), label.value().pointer(), problem
                                + "; selectors match labels exactly: name the label and its value in full"));
            }
        }
    }
}
