package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DuplicateSubsetNameTest {

    @Test
    void reportsTheSecondSubsetOfAName() {
        assertFindings(new DuplicateSubsetName(), "webhook/destinationrule/host-and-subsets.yaml").containsExactlyInAnyOrder(
                "MD0502@DestinationRule shop/subsets@spec.subsets[3].name");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new DuplicateSubsetName(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
