package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServiceEntryHostsTest {

    @Test
    void reportsMissingHostsTheCatchAllHostAndNamesThatAreNoDomain() {
        assertFindings(new ServiceEntryHosts(), "webhook/serviceentry/hosts.yaml").containsExactlyInAnyOrder(
                "MD0560@ServiceEntry payments/no-hosts@spec.hosts",
                "MD0560@ServiceEntry payments/catch-all@spec.hosts[1]",
                "MD0560@ServiceEntry payments/underscore@spec.hosts[0]");
    }
}
