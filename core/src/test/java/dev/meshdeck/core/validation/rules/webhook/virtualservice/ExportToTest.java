package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ExportToTest {

    @Test
    void refusesDuplicateInvalidAndContradictoryExportToEntries() {
        assertFindings(new ExportTo(), "webhook/virtualservice/export-to.yaml").containsExactlyInAnyOrder(
                "MD0426@VirtualService shop/dot-and-own-namespace@spec.exportTo[1]",
                "MD0426@VirtualService shop/star-among-others@spec.exportTo",
                "MD0426@VirtualService shop/no-one@spec.exportTo[0]",
                "MD0426@VirtualService shop/not-a-namespace@spec.exportTo[0]");
    }
}
