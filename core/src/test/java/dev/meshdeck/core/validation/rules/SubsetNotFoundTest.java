package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SubsetNotFoundTest {

    @Test
    void reportsRoutesAndMirrorsToUndefinedSubsetsWhateverTheHostSpelling() {
        assertFindings(new SubsetNotFound(), "MD0302/subsets.yaml").containsExactly(
                "MD0302@VirtualService backend/inventory-function@spec.http[0].route[0].destination.subset",
                "MD0302@VirtualService backend/inventory-function@spec.http[1].mirror.subset",
                "MD0302@VirtualService frontend/cross-namespace@spec.http[0].route[0].destination.subset");
    }
}
