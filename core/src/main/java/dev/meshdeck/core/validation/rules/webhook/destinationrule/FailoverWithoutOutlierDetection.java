package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * Failover (locality or zone-aware) without outlier detection: endpoints are never ejected, so traffic never fails
 * over. Istio admits it with a warning.
 */
public final class FailoverWithoutOutlierDetection implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0513", Severity.WARNING, Category.SEMANTIC,
            "DestinationRule failover without outlier detection");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            if (policy.has("outlierDetection")) {
                return;
            }
            for (String setting : new String[] {"localityLbSetting", "zoneAwareLbSetting"}) {
                JsonNode balancing = policy.get("loadBalancer").path(setting);
                if (balancing.path("failover").size() > 0 || balancing.path("failoverPriority").size() > 0) {
                    findings.report(INFO, policy.rule(), policy.at("/loadBalancer/" + setting),
                            "failover needs an outlierDetection policy: without it no endpoint is ever ejected and "
                                    + "traffic never fails over. Add trafficPolicy.outlierDetection");
                }
            }
        });
    }
}
