package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SubsetDefinitionTest {

    @Test
    void reportsUnnamedAndBadlyNamedSubsetsAndInvalidLabels() {
        assertFindings(new SubsetDefinition(), "webhook/destinationrule/host-and-subsets.yaml").containsExactlyInAnyOrder(
                "MD0501@DestinationRule shop/subsets@spec.subsets[0]",
                "MD0501@DestinationRule shop/subsets@spec.subsets[1].name",
                "MD0501@DestinationRule shop/subsets@spec.subsets[2].labels.-version",
                "MD0501@DestinationRule shop/subsets@spec.subsets[2].labels.track");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new SubsetDefinition(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
