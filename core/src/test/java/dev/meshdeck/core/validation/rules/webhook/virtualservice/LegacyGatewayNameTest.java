package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class LegacyGatewayNameTest {

    @Test
    void warnsAboutGatewaysWrittenAsNameDotNamespace() {
        assertFindings(new LegacyGatewayName(), "webhook/virtualservice/legacy-gateway-name.yaml").containsExactlyInAnyOrder(
                "MD0406@VirtualService shop/legacy@spec.gateways[0]");
    }
}
