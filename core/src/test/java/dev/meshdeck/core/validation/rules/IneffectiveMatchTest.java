package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class IneffectiveMatchTest {

    @Test
    void reportsDuplicateMatchesIgnoringNamesAndPrefixesCoveredByShorterOnes() {
        assertFindings(new IneffectiveMatch(), "vs-semantics/routes.yaml").containsExactlyInAnyOrder(
                "MD0207@VirtualService serverless/orders@spec.http[1].match[0]",
                "MD0207@VirtualService serverless/orders@spec.http[3].match[0]");
    }
}
