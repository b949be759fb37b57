package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DuplicateGatewayCertificateTest {

    @Test
    void reportsEachServerSharingACertificateWithAnotherGateway() {
        assertFindings(new DuplicateGatewayCertificate(), "gateways/gateways.yaml").containsExactlyInAnyOrder(
                "MD0212@Gateway serverless/public@spec.servers[1].tls",
                "MD0212@Gateway serverless/public@spec.servers[2].tls",
                "MD0212@Gateway serverless/www@spec.servers[0].tls");
    }
}
