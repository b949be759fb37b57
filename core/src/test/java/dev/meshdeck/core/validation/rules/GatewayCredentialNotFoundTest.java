package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class GatewayCredentialNotFoundTest {

    @Test
    void looksForTheSecretInTheNamespaceOfTheGatewayPods() {
        assertFindings(new GatewayCredentialNotFound(), "gateways/gateways.yaml").containsExactlyInAnyOrder(
                "MD0312@Gateway serverless/tls-problems@spec.servers[0].tls.credentialName");
    }
}
