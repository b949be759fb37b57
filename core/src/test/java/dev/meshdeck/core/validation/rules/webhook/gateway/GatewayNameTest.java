package dev.meshdeck.core.validation.rules.webhook.gateway;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class GatewayNameTest {

    @Test
    void reportsANameWithDotsUnlessConvertedFromTheGatewayApi() {
        assertFindings(new GatewayName(), "webhook/gateway/servers.yaml").containsExactlyInAnyOrder(
                "MD0530@Gateway shop/shop.gateway@metadata.name");
    }

    @Test
    void acceptsAWellFormedGateway() {
        assertFindings(new GatewayName(), "webhook/gateway/rules.yaml").isEmpty();
    }
}
