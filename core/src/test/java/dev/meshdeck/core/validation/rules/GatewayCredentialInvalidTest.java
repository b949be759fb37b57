package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class GatewayCredentialInvalidTest {

    @Test
    void reportsASecretWhoseCertificateDoesNotParseButAcceptsAValidOne() {
        assertFindings(new GatewayCredentialInvalid(), "gateways/gateways.yaml").containsExactlyInAnyOrder(
                "MD0313@Gateway serverless/tls-problems@spec.servers[1].tls.credentialName");
    }
}
