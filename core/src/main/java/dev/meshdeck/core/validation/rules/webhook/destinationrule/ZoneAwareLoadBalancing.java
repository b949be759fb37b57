package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * Zone-aware load balancing istiod rejects (Istio's ValidateZoneAwareLbSetting): set together with
 * localityLbSetting, a region/zone/subzone label in failoverPriority (Envoy orders by those already), or failover
 * within one region, naming zones or "*".
 */
public final class ZoneAwareLoadBalancing implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0514", Severity.ERROR, Category.SEMANTIC,
            "DestinationRule zone-aware load balancing setting invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            JsonNode balancer = policy.get("loadBalancer");
            String at = policy.at("/loadBalancer/zoneAwareLbSetting");
            if (!DestinationRules.isSet(balancer, "zoneAwareLbSetting")) {
                return;
            }
            if (DestinationRules.isSet(balancer, "localityLbSetting")) {
                findings.report(INFO, policy.rule(), at,
                        "only one of localityLbSetting and zoneAwareLbSetting can be set: keep one of them");
            }
            JsonNode zoneAware = balancer.path("zoneAwareLbSetting");
            JsonNode priority = zoneAware.path("failoverPriority");
            for (int i = 0; i < priority.size(); i++) {
                if (LocalityLoadBalancing.TOPOLOGY_LABELS.contains(priority.get(i).asText())) {
                    findings.report(INFO, policy.rule(), at + "/failoverPriority/" + i, "'failoverPriority' for zone "
                            + "aware lb must not use topology label '" + priority.get(i).asText()
                            + "'; region- and zone-level routing are handled automatically");
                }
            }
            LocalityLoadBalancing.failover(INFO, policy, zoneAware.path("failover"), at + "/failover/", "zone aware lb failover",
                    findings);
        });
    }
}
