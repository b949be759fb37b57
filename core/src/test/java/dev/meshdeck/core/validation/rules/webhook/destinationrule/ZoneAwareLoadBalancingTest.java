package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ZoneAwareLoadBalancingTest {

    @Test
    void reportsTopologyPrioritiesZoneFailoverAndBothBalancersSet() {
        assertFindings(new ZoneAwareLoadBalancing(), "webhook/destinationrule/locality.yaml").containsExactlyInAnyOrder(
                "MD0514@DestinationRule shop/zone-aware@spec.trafficPolicy.loadBalancer.zoneAwareLbSetting.failoverPriority[1]",
                "MD0514@DestinationRule shop/zone-aware@spec.trafficPolicy.loadBalancer.zoneAwareLbSetting.failover[0]",
                "MD0514@DestinationRule shop/zone-aware@spec.subsets[0].trafficPolicy.loadBalancer.zoneAwareLbSetting");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new ZoneAwareLoadBalancing(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
