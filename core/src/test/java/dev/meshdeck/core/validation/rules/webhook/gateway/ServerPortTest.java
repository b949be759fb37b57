package dev.meshdeck.core.validation.rules.webhook.gateway;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServerPortTest {

    @Test
    void reportsMissingPortsUnknownProtocolsBadNumbersAndMissingNames() {
        assertFindings(new ServerPort(), "webhook/gateway/servers.yaml").containsExactlyInAnyOrder(
                "MD0533@Gateway shop/ports@spec.servers[0]",
                "MD0533@Gateway shop/ports@spec.servers[1].port.protocol",
                "MD0533@Gateway shop/ports@spec.servers[1].port.number",
                "MD0533@Gateway shop/ports@spec.servers[1].port.targetPort",
                "MD0533@Gateway shop/ports@spec.servers[1].port.name",
                "MD0533@Gateway shop/ports@spec.servers[2].port.number",
                "MD0533@Gateway shop/tls-protocols@spec.servers[3].port.name");
    }

    @Test
    void acceptsAWellFormedGateway() {
        assertFindings(new ServerPort(), "webhook/gateway/rules.yaml").isEmpty();
    }
}
