package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void reportsAWarmupWithoutDurationOrAggression() {
        assertFindings(new Warmup(), "webhook/destinationrule/load-balancers.yaml").containsExactlyInAnyOrder(
                "MD0515@DestinationRule shop/hashes@spec.subsets[1].trafficPolicy.loadBalancer.warmup",
                "MD0515@DestinationRule shop/hashes@spec.subsets[1].trafficPolicy.loadBalancer.warmup.aggression",
                "MD0515@DestinationRule shop/hashes@spec.subsets[2].trafficPolicy.loadBalancer.warmup.duration");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new Warmup(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
