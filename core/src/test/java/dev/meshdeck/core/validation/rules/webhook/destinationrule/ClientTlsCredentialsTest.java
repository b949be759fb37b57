package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ClientTlsCredentialsTest {

    @Test
    void reportsFilesNextToACredentialIncompleteMutualTlsAndForeignConfigMaps() {
        assertFindings(new ClientTlsCredentials(), "webhook/destinationrule/client-tls.yaml").containsExactlyInAnyOrder(
                "MD0516@DestinationRule shop/credentials@spec.trafficPolicy.tls.caCertificates",
                "MD0516@DestinationRule shop/credentials@spec.subsets[0].trafficPolicy.tls.mode",
                "MD0516@DestinationRule shop/credentials@spec.subsets[1].trafficPolicy.tls.credentialName");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new ClientTlsCredentials(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
