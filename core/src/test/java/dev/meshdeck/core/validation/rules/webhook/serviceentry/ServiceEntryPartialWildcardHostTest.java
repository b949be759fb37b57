package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServiceEntryPartialWildcardHostTest {

    @Test
    void warnsAboutPartialWildcardsExceptWithDynamicDns() {
        assertFindings(new ServiceEntryPartialWildcardHost(), "webhook/serviceentry/partial-wildcard.yaml").containsExactlyInAnyOrder(
                "MD0561@ServiceEntry payments/partial@spec.hosts[1]");
    }
}
