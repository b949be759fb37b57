package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class GatewaySelectorMatchesNoWorkloadTest {

    @Test
    void reportsASelectorThatMatchesNoPod() {
        assertFindings(new GatewaySelectorMatchesNoWorkload(), "gateways/gateways.yaml").containsExactlyInAnyOrder(
                "MD0310@Gateway serverless/typo@spec.selector");
    }

    @Test
    void offlineTheIngressGatewayOfIstioSystemIsUnknownWhenTheInputHoldsOnlyApplicationWorkloads() {
        assertFindings(new GatewaySelectorMatchesNoWorkload(), "gateways/app-only.yaml").isEmpty();
    }
}
