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
import dev.meshdeck.core.validation.JsonPointers;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;

/** WorkloadGroup metadata labels that are not valid Kubernetes labels: istiod rejects the group. */
public final class WorkloadGroupLabels implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0551", Severity.ERROR, Category.SCHEMA,
            "WorkloadGroup metadata label invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource group : NetworkingObjects.candidates(context, "WorkloadGroup")) {
            group.spec().path("metadata").path("labels").fields().forEachRemaining(label -> IstioValues.label(
                    label.getKey(), label.getValue().asText("")).ifPresent(problem -> findings.report(INFO, group,
                    "/spec/metadata/labels/" + JsonPointers.token(label.getKey()), "invalid labels: " + problem)));
        }
    }
}
