package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.Optional;

/**
 * A ServiceEntry workload selector that does not do what it seems to: without labels it selects every workload
 * of the namespace, and with resolution NONE no endpoint is taken from it. Istio admits both with a warning.
 */
public final class ServiceEntrySelectorIgnored extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0566", Severity.WARNING, Category.SEMANTIC,
            "ServiceEntry workload selector without labels or with resolution NONE");

    public ServiceEntrySelectorIgnored() {
        super(INFO, "ServiceEntry");
    }

    @Override
    protected void check(Resource se, Findings findings) {
        JsonNode selector = se.spec().path("workloadSelector");
        if (!selector.isObject()) {
            return;
        }
        if (selector.path("labels").size() == 0) {
            findings.report(INFO, se, "/spec/workloadSelector", "workload selector without labels: it selects "
                    + "every workload in namespace \"" + se.namespace() + "\"; add the labels of the workloads meant");
        }
        if (Resolution.of(se).equals(Optional.of(Resolution.NONE))) {
            findings.report(INFO, se, "/spec/workloadSelector", "workloadSelector should not be set when resolution "
                    + "is NONE (the default): set resolution: STATIC to send traffic to the selected workloads");
        }
    }
}
