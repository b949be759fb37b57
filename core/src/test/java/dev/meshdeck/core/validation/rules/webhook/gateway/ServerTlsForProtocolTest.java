package dev.meshdeck.core.validation.rules.webhook.gateway;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServerTlsForProtocolTest {

    @Test
    void reportsHttpsWithoutTlsAndTlsOnPlainPorts() {
        assertFindings(new ServerTlsForProtocol(), "webhook/gateway/servers.yaml").containsExactlyInAnyOrder(
                "MD0536@Gateway shop/tls-protocols@spec.servers[0].port.protocol",
                "MD0536@Gateway shop/tls-protocols@spec.servers[1].tls",
                "MD0536@Gateway shop/tls-protocols@spec.servers[2].tls");
    }

    @Test
    void acceptsAWellFormedGateway() {
        assertFindings(new ServerTlsForProtocol(), "webhook/gateway/rules.yaml").isEmpty();
    }
}
