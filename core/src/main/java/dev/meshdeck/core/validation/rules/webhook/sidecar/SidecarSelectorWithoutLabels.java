package dev.meshdeck.core.validation.rules.webhook.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;

/** A Sidecar workload selector without labels: Istio admits it with a warning, and it applies to the whole namespace. */
public final class SidecarSelectorWithoutLabels extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0582", Severity.WARNING, Category.SEMANTIC,
            "Sidecar workload selector without labels");

    public SidecarSelectorWithoutLabels() {
        super(INFO, "Sidecar");
    }

    @Override
    protected void check(Resource sidecar, Findings findings) {
        JsonNode selector = sidecar.spec().path("workloadSelector");
        if (selector.isObject() && selector.path("labels").size() == 0) {
            findings.report(INFO, sidecar, "/spec/workloadSelector", "workload selector without labels: this "
                    + "Sidecar applies to every workload in namespace \"" + sidecar.namespace()
                    + "\"; add labels, or remove workloadSelector to say so");
        }
    }
}
