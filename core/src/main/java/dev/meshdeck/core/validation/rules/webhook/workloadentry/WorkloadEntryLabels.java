package dev.meshdeck.core.validation.rules.webhook.workloadentry;

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

/** WorkloadEntry labels that are not valid Kubernetes labels: istiod rejects the entry. */
public final class WorkloadEntryLabels implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0548", Severity.ERROR, Category.SCHEMA,
            "WorkloadEntry label invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource entry : NetworkingObjects.candidates(context, "WorkloadEntry")) {
            JsonNode labels = entry.spec().path("labels");
            labels.fields().forEachRemaining(label -> IstioValues.label(label.getKey(), label.getValue().asText(""))
                    .ifPresent(problem -> findings.report(INFO, entry, "/spec/labels/" + JsonPointers.token(label.getKey()),
                            problem)));
        }
    }
}
