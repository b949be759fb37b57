package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class HostNotInGatewayTest {

    @Test
    void reportsEachGatewayThatAcceptsNoneOfTheHostsRespectingNamespaceScopedServerHosts() {
        assertFindings(new HostNotInGateway(), "gateways/gateways.yaml").containsExactlyInAnyOrder(
                "MD0305@VirtualService serverless/blog@spec.gateways[0]",
                "MD0305@VirtualService serverless/blog@spec.gateways[1]",
                "MD0305@VirtualService frontend/scoped-elsewhere@spec.gateways[0]");
    }
}
