package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DuplicateDestinationRuleSubsetTest {

    @Test
    void reportsBothRulesDefiningTheSameSubsetForOneHostButNotWorkloadScopedOnes() {
        assertFindings(new DuplicateDestinationRuleSubset(), "destinationrules/subsets.yaml").containsExactlyInAnyOrder(
                "MD0210@DestinationRule serverless/order-function@spec.host",
                "MD0210@DestinationRule serverless/order-function-canary@spec.host");
    }

    @Test
    void leavesMeshAndNamespaceWideMtlsDefaultsBesidePerHostRules() {
        assertFindings(new DuplicateDestinationRuleSubset(), "destinationrules/mtls-defaults.yaml").containsExactlyInAnyOrder(
                "MD0210@DestinationRule serverless/billing-wide@spec.host",
                "MD0210@DestinationRule billing/invoices@spec.host");
    }
}
