package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class EmptyTrafficPolicyTest {

    @Test
    void reportsEmptyPoliciesAtEveryLevelAndPortPoliciesWithoutPort() {
        assertFindings(new EmptyTrafficPolicy(), "webhook/destinationrule/traffic-policies.yaml").containsExactlyInAnyOrder(
                "MD0505@DestinationRule shop/empty-policies@spec.trafficPolicy",
                "MD0505@DestinationRule shop/empty-policies@spec.subsets[0].trafficPolicy.portLevelSettings[0]",
                "MD0505@DestinationRule shop/empty-policies@spec.subsets[0].trafficPolicy.portLevelSettings[1]");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new EmptyTrafficPolicy(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
