package dev.meshdeck.core.validation.rules.webhook.policy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy that sets more than one of {@code selector}, {@code targetRef} and {@code targetRefs}: Istio's webhook
 * refuses it (validateOneOfSelectorType), since the policy would not say which workloads it is for.
 */
public final class PolicyTargetChoice implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0603", Severity.ERROR, Category.SEMANTIC,
            "policy sets more than one of selector, targetRef and targetRefs").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode spec : PolicyNode.specs(context, PolicyNode.TARGETING_KINDS)) {
            List<String> set = new ArrayList<>();
            if (spec.field("selector").present()) {
                set.add("selector");
            }
            if (spec.field("targetRef").present()) {
                set.add("targetRef");
            }
            if (!spec.field("targetRefs").items().isEmpty()) {
                set.add("targetRefs");
            }
            if (set.size() > 1) {
                findings.report(INFO, spec.resource(), spec.field(set.get(1)).pointer(), "only one of targetRefs or "
                        + "workloadSelector can be set, found " + String.join(" and ", set)
                        + ": keep the one that names the workloads this policy is for");
            }
        }
    }
}
