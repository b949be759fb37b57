package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class JwtClaimRouteOffGatewayTest {

    @Test
    void refusesJwtClaimRoutingOutsideGateways() {
        assertFindings(new JwtClaimRouteOffGateway(), "webhook/virtualservice/jwt-claim-route-off-gateway.yaml").containsExactlyInAnyOrder(
                "MD0407@VirtualService shop/sidecars@spec.http[0].match[0].headers[@request.auth.claims.group]",
                "MD0407@VirtualService shop/mesh-and-gateway@spec.http[0].match[0].withoutHeaders[@request.auth.claims[team]]");
    }
}
