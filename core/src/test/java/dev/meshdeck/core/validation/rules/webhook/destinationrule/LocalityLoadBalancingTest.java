package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class LocalityLoadBalancingTest {

    @Test
    void reportsWeightsNotTotallingHundredOverlapsAndBadFailovers() {
        assertFindings(new LocalityLoadBalancing(), "webhook/destinationrule/locality.yaml").containsExactlyInAnyOrder(
                "MD0512@DestinationRule shop/distribute-95@spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to",
                "MD0512@DestinationRule shop/failovers@spec.trafficPolicy.loadBalancer.localityLbSetting.failover[0]",
                "MD0512@DestinationRule shop/failovers@spec.trafficPolicy.loadBalancer.localityLbSetting.failover[1]",
                "MD0512@DestinationRule shop/failovers@spec.trafficPolicy.loadBalancer.localityLbSetting.failover[1]",
                "MD0512@DestinationRule shop/failovers@spec.subsets[0].trafficPolicy.loadBalancer.localityLbSetting.distribute",
                "MD0512@DestinationRule shop/failovers@spec.subsets[1].trafficPolicy.loadBalancer.localityLbSetting.failoverPriority[0]");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new LocalityLoadBalancing(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
