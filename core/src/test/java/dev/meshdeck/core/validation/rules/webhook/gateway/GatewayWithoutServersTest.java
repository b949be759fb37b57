package dev.meshdeck.core.validation.rules.webhook.gateway;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class GatewayWithoutServersTest {

    @Test
    void reportsAGatewayWithoutServers() {
        assertFindings(new GatewayWithoutServers(), "webhook/gateway/servers.yaml").containsExactlyInAnyOrder(
                "MD0531@Gateway shop/no-servers@spec");
    }

    @Test
    void acceptsAWellFormedGateway() {
        assertFindings(new GatewayWithoutServers(), "webhook/gateway/rules.yaml").isEmpty();
    }
}
