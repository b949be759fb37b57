package dev.meshdeck.core.validation.rules.webhook.gateway;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServerHostsTest {

    @Test
    void reportsMissingShortWildcardedAndBadlyNamespacedHosts() {
        assertFindings(new ServerHosts(), "webhook/gateway/servers.yaml").containsExactlyInAnyOrder(
                "MD0532@Gateway shop/hosts@spec.servers[0]",
                "MD0532@Gateway shop/hosts@spec.servers[1].hosts[0]",
                "MD0532@Gateway shop/hosts@spec.servers[1].hosts[1]",
                "MD0532@Gateway shop/hosts@spec.servers[1].hosts[2]",
                "MD0532@Gateway shop/hosts@spec.servers[1].hosts[3]",
                "MD0532@Gateway shop/hosts@spec.servers[1].hosts[4]",
                "MD0532@Gateway shop/hosts@spec.servers[1].hosts[5]");
    }

    @Test
    void acceptsAWellFormedGateway() {
        assertFindings(new ServerHosts(), "webhook/gateway/rules.yaml").isEmpty();
    }
}
