package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class WorkloadSelectorLabelsTest {

    @Test
    void reportsWildcardsAndEmptyKeys() {
        assertFindings(new WorkloadSelectorLabels(), "webhook/destinationrule/host-and-subsets.yaml").containsExactlyInAnyOrder(
                "MD0503@DestinationRule shop/selectors@spec.workloadSelector.matchLabels.app",
                "MD0503@DestinationRule shop/selectors@spec.workloadSelector.matchLabels");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new WorkloadSelectorLabels(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
