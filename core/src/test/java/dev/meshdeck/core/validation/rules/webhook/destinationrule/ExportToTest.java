package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ExportToTest {

    @Test
    void reportsDuplicatesBadNamesWildcardsWithOthersAndSelectorRulesExportedElsewhere() {
        assertFindings(new ExportTo(), "webhook/destinationrule/export-to.yaml").containsExactlyInAnyOrder(
                "MD0520@DestinationRule shop/bad-entries@spec.exportTo[1]",
                "MD0520@DestinationRule shop/bad-entries@spec.exportTo[2]",
                "MD0520@DestinationRule shop/bad-entries@spec.exportTo",
                "MD0520@DestinationRule shop/selector-exported-elsewhere@spec.exportTo");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new ExportTo(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
