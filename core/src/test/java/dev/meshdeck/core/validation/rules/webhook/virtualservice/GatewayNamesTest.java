package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class GatewayNamesTest {

    @Test
    void refusesGatewayReferencesThatAreNeitherNamespaceSlashNameNorHostNames() {
        assertFindings(new GatewayNames(), "webhook/virtualservice/gateway-names.yaml").containsExactlyInAnyOrder(
                "MD0405@VirtualService shop/bad-characters@spec.gateways[0]",
                "MD0405@VirtualService shop/wildcard-name@spec.gateways[0]",
                "MD0405@VirtualService shop/wildcard-namespace@spec.gateways[0]",
                "MD0405@VirtualService shop/empty-part@spec.gateways[0]",
                "MD0405@VirtualService shop/match-gateway@spec.http[0].match[0].gateways[0]");
    }
}
