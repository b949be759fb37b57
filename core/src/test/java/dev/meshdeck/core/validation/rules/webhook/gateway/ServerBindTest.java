package dev.meshdeck.core.validation.rules.webhook.gateway;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServerBindTest {

    @Test
    void reportsBindsThatAreNoIpAndUnixSocketsWithPorts() {
        assertFindings(new ServerBind(), "webhook/gateway/servers.yaml").containsExactlyInAnyOrder(
                "MD0535@Gateway shop/binds@spec.servers[0].bind",
                "MD0535@Gateway shop/binds@spec.servers[1].bind",
                "MD0535@Gateway shop/binds@spec.servers[2].port.number");
    }

    @Test
    void acceptsAWellFormedGateway() {
        assertFindings(new ServerBind(), "webhook/gateway/rules.yaml").isEmpty();
    }
}
