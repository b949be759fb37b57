package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class WorkloadSelectorWithoutLabelsTest {

    @Test
    void warnsAboutASelectorThatSelectsTheWholeNamespace() {
        assertFindings(new WorkloadSelectorWithoutLabels(), "webhook/destinationrule/host-and-subsets.yaml").containsExactlyInAnyOrder(
                "MD0504@DestinationRule shop/selector-without-labels@spec.workloadSelector");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new WorkloadSelectorWithoutLabels(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
