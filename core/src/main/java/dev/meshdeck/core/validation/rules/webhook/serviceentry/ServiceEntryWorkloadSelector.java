package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;

/**
 * A ServiceEntry workload selector Istio rejects: an empty label key, a "*" in a label, or a selector next to
 * endpoints (the entry's workloads come from one or the other).
 */
public final class ServiceEntryWorkloadSelector extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0565", Severity.ERROR, Category.SCHEMA,
            "ServiceEntry workload selector invalid or set together with endpoints").istio("IST0106");

    public ServiceEntryWorkloadSelector() {
        super(INFO, "ServiceEntry");
    }

    @Override
    protected void check(Resource se, Findings findings) {
        JsonNode selector = se.spec().path("workloadSelector");
        if (!selector.isObject()) {
            return;
        }
        selector.path("labels").fields().forEachRemaining(label -> IstioValues
                .selectorLabel(label.getKey(), label.getValue().asText(""))
                .ifPresent(problem -> findings.report(INFO, se, "/spec/workloadSelector/labels", problem)));
        if (se.spec().path("endpoints").size() > 0) {
            findings.report(INFO, se, "/spec/workloadSelector", "only one of workloadSelector or endpoints is "
                    + "allowed in a ServiceEntry: select the workloads by label, or list their endpoints");
        }
    }
}
