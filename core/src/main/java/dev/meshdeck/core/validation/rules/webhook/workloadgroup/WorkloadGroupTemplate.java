package dev.meshdeck.core.validation.rules.webhook.workloadgroup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.NetworkingObjects;

/** A WorkloadGroup without a template: istiod rejects it, since it cannot create WorkloadEntries from nothing. */
public final class WorkloadGroupTemplate implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0550", Severity.ERROR, Category.SCHEMA,
            "WorkloadGroup has no template").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource group : NetworkingObjects.candidates(context, "WorkloadGroup")) {
            JsonNode template = group.spec().path("template");
            if (template.isMissingNode() || template.isNull()) {
                findings.report(INFO, group, "/spec", "template is required: the "
                        + "WorkloadEntry fields (serviceAccount, labels, ports...) every workload of the group gets; "
                        + "write template: {} for none");
            }
        }
    }
}
