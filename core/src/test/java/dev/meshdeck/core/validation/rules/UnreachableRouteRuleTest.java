package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class UnreachableRouteRuleTest {

    @Test
    void reportsRulesAfterACatchAllAndRulesWhoseMatchesAllRepeat() {
        assertFindings(new UnreachableRouteRule(), "vs-semantics/routes.yaml").containsExactlyInAnyOrder(
                "MD0206@VirtualService serverless/orders@spec.http[3]",
                "MD0206@VirtualService serverless/orders@spec.http[5]",
                "MD0206@VirtualService serverless/orders@spec.tcp[1]");
    }
}
