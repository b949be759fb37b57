package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class JwtClaimRouteWithoutRequestAuthenticationTest {

    @Test
    void reportsClaimRoutingWhenNoRequestAuthenticationSelectsTheGatewayPods() {
        assertFindings(new JwtClaimRouteWithoutRequestAuthentication(), "gateways/gateways.yaml").containsExactlyInAnyOrder(
                "MD0307@VirtualService serverless/shop@spec.gateways[0]");
    }
}
