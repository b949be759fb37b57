package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class UpgradeWithClientProtocolTest {

    @Test
    void reportsUpgradeTogetherWithClientProtocol() {
        assertFindings(new UpgradeWithClientProtocol(), "webhook/destinationrule/traffic-policies.yaml").containsExactlyInAnyOrder(
                "MD0508@DestinationRule shop/pools@spec.trafficPolicy.connectionPool.http.useClientProtocol");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new UpgradeWithClientProtocol(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
