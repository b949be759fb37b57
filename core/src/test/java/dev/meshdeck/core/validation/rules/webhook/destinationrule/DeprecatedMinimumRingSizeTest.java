package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DeprecatedMinimumRingSizeTest {

    @Test
    void warnsAboutTheDeprecatedRingSize() {
        assertFindings(new DeprecatedMinimumRingSize(), "webhook/destinationrule/load-balancers.yaml").containsExactlyInAnyOrder(
                "MD0519@DestinationRule shop/hashes@spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize",
                "MD0519@DestinationRule shop/hashes@spec.subsets[1].trafficPolicy.loadBalancer.consistentHash.minimumRingSize");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new DeprecatedMinimumRingSize(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
