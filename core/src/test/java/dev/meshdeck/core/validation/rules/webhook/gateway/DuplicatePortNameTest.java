package dev.meshdeck.core.validation.rules.webhook.gateway;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DuplicatePortNameTest {

    @Test
    void reportsTheSecondServerOfAPortName() {
        assertFindings(new DuplicatePortName(), "webhook/gateway/servers.yaml").containsExactlyInAnyOrder(
                "MD0534@Gateway shop/dup-names@spec.servers[1].port.name");
    }

    @Test
    void acceptsAWellFormedGateway() {
        assertFindings(new DuplicatePortName(), "webhook/gateway/rules.yaml").isEmpty();
    }
}
