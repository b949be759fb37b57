package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class InternalGatewayReferenceTest {

    @Test
    void reportsBindingsToIstioGeneratedGateways() {
        assertFindings(new InternalGatewayReference(), "gateways/gateways.yaml").containsExactlyInAnyOrder(
                "MD0306@VirtualService frontend/shop-frontend@spec.gateways[1]");
    }
}
