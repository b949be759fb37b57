package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ConflictingGatewaysTest {

    @Test
    void reportsBothGatewaysServingTheSameHostAndPortOnTheSamePods() {
        assertFindings(new ConflictingGateways(), "gateways/gateways.yaml").containsExactlyInAnyOrder(
                "MD0211@Gateway serverless/public@spec.servers[0]",
                "MD0211@Gateway serverless/public-copy@spec.servers[0]");
    }
}
