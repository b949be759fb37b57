package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class HeaderOperationsTest {

    @Test
    void refusesInternalOrEmptyHeaderNamesAndValuesEnvoyCannotFormat() {
        assertFindings(new HeaderOperations(), "webhook/virtualservice/header-operations.yaml").containsExactlyInAnyOrder(
                "MD0410@VirtualService shop/internal-names@spec.http[0].headers.request.add[:path]",
                "MD0410@VirtualService shop/internal-names@spec.http[0].headers.request.remove[0]",
                "MD0410@VirtualService shop/internal-names@spec.http[0].headers.response.set[:authority]",
                "MD0410@VirtualService shop/destination-values@spec.http[0].route[0].headers.request.remove[0]",
                "MD0410@VirtualService shop/destination-values@spec.http[0].route[0].headers.response.set.x-ratio");
    }
}
