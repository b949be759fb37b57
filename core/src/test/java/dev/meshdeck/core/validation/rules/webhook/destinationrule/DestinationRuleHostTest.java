package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DestinationRuleHostTest {

    @Test
    void reportsAnInvalidHostButLeavesAMissingOneToTheSchema() {
        assertFindings(new DestinationRuleHost(), "webhook/destinationrule/host-and-subsets.yaml").containsExactlyInAnyOrder(
                "MD0500@DestinationRule shop/bad-host@spec.host");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new DestinationRuleHost(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
