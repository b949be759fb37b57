package dev.meshdeck.core.validation.rules.webhook.policy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A {@code selector} without labels: Istio accepts it with a warning, and the policy then applies to every
 * workload of its namespace (of the mesh, in the root namespace), which is rarely what a selector was written for.
 */
public final class WorkloadSelectorWithoutLabels implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0601", Severity.WARNING, Category.SCHEMA,
            "policy selector without labels selects every workload");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode spec : PolicyNode.specs(context, PolicyNode.SELECTING_KINDS)) {
            PolicyNode selector = spec.field("selector");
            if (selector.present() && selector.field("matchLabels").unset()) {
                findings.report(INFO, spec.resource(), selector.pointer(), "workload selector specified without labels: "
                        + "this " + spec.resource().kind() + " applies to every workload of namespace \""
                        + spec.resource().namespace() + "\"; add matchLabels to choose workloads, or drop the empty "
                        + "selector if the whole namespace is meant");
            }
        }
    }
}
