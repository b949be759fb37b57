package dev.meshdeck.core.validation.rules.webhook.gateway;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServerTlsCertificatesTest {

    @Test
    void reportsCertificatesWithIstioMutualSeveralSourcesAndMissingFiles() {
        assertFindings(new ServerTlsCertificates(), "webhook/gateway/tls.yaml").containsExactlyInAnyOrder(
                "MD0538@Gateway shop/certificates@spec.servers[0].tls.serverCertificate",
                "MD0538@Gateway shop/certificates@spec.servers[0].tls.credentialName",
                "MD0538@Gateway shop/certificates@spec.servers[1].tls",
                "MD0538@Gateway shop/certificates@spec.servers[2].tls.mode",
                "MD0538@Gateway shop/certificates@spec.servers[2].tls.caCrl",
                "MD0538@Gateway shop/certificates@spec.servers[3].tls.mode",
                "MD0538@Gateway shop/certificates@spec.servers[3].tls.tlsCertificates[0]");
    }

    @Test
    void acceptsAWellFormedGateway() {
        assertFindings(new ServerTlsCertificates(), "webhook/gateway/rules.yaml").isEmpty();
    }
}
