package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DuplicateHostsTest {

    @Test
    void reportsAHostListedTwiceLiterallyOrThroughAWildcard() {
        assertFindings(new DuplicateHosts(), "webhook/virtualservice/duplicate-hosts.yaml").containsExactlyInAnyOrder(
                "MD0401@VirtualService shop/literal@spec.hosts[2]",
                "MD0401@VirtualService shop/wildcard@spec.hosts[1]",
                "MD0401@VirtualService shop/wildcard-and-name@spec.hosts[1]");
    }
}
