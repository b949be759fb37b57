package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SubsetSelectsNoPodsTest {

    @Test
    void matchesPodsDeploymentsAndNodeTopologyLabelsOfTheServiceOnly() {
        assertFindings(new SubsetSelectsNoPods(), "destinationrules/subsets.yaml").containsExactlyInAnyOrder(
                "MD0309@DestinationRule serverless/order-function@spec.subsets[2].labels",
                "MD0309@DestinationRule serverless/order-function@spec.subsets[4].labels");
    }

    @Test
    void saysNothingOfflineWhenTheReferencedKindIsAbsentFromTheInputs() {
        assertFindings(new SubsetSelectsNoPods(), "destinationrules/offline.yaml").isEmpty();
    }
}
