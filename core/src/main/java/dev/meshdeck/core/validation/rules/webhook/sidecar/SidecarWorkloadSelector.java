package dev.meshdeck.core.validation.rules.webhook.sidecar;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;

/** A Sidecar workload selector label with an empty key or a "*": Istio rejects it. */
public final class SidecarWorkloadSelector implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0581", Severity.ERROR, Category.SCHEMA,
            "Sidecar workload selector label invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource sidecar : context.ofKind("Sidecar")) {
            sidecar.spec().path("workloadSelector").path("labels").fields().forEachRemaining(label -> IstioValues
                    .selectorLabel(label.getKey(), label.getValue().asText(""))
                    .ifPresent(problem -> findings.report(INFO, sidecar, "/spec/workloadSelector/labels", problem)));
        }
    }
}
