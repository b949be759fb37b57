package dev.meshdeck.core.validation.rules.webhook.exportto;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ExportToEntriesTest {

    @Test
    void reportsInvalidRepeatedAndContradictingEntriesOfTheThreeKinds() {
        assertFindings(new ExportToEntries(), "webhook/exportto/entries.yaml").containsExactlyInAnyOrder(
                "MD0575@VirtualService payments/repeated@spec.exportTo[1]",
                "MD0575@VirtualService payments/repeated@spec.exportTo[3]",
                "MD0575@VirtualService payments/repeated@spec.exportTo[4]",
                "MD0575@VirtualService payments/repeated@spec.exportTo[5]",
                "MD0575@DestinationRule payments/all-and-more@spec.exportTo",
                "MD0575@DestinationRule payments/selector-beyond@spec.exportTo",
                "MD0575@DestinationRule payments/selector-and-more@spec.exportTo",
                "MD0575@ServiceEntry payments/hidden-and-shared@spec.exportTo");
    }
}
