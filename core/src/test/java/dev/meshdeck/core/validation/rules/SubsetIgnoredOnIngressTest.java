package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SubsetIgnoredOnIngressTest {

    @Test
    void reportsAGatewayRouteWithoutSubsetToAHostSplitBySubsets() {
        assertFindings(new SubsetIgnoredOnIngress(), "vs-semantics/routes.yaml").containsExactlyInAnyOrder(
                "MD0205@VirtualService serverless/orders-ingress@spec.http[0].route[0].destination.host");
    }
}
