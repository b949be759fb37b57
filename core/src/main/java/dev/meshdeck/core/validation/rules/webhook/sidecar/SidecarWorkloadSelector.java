package dev.meshdeck.core.validation.rules.webhook.sidecar;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;

/** A Sidecar workload selector label with an empty key or a "*": Istio rejects it. */
public final class SidecarWorkloadSelector extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0581", Severity.ERROR, Category.SCHEMA,
            "Sidecar workload selector label invalid").istio("IST0106");

    public SidecarWorkloadSelector() {
        super(INFO, "Sidecar");
    }

    @Override
    protected void check(Resource sidecar, Findings findings) {
        sidecar.spec().path("workloadSelector").path("labels").fields().forEachRemaining(label -> IstioValues
                .selectorLabel(label.getKey(), label.getValue().asText(""))
                .ifPresent(problem -> findings.report(INFO, sidecar, "/spec/workloadSelector/labels", problem)));
    }
}
