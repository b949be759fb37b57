package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class GatewayPortNotOnServiceTest {

    @Test
    void acceptsServicePortsAndTargetPortsAndReportsOthers() {
        assertFindings(new GatewayPortNotOnService(), "gateways/gateways.yaml").containsExactlyInAnyOrder(
                "MD0311@Gateway serverless/public@spec.servers[3].port.number");
    }
}
