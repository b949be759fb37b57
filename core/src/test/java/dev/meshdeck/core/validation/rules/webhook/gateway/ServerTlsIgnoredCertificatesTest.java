package dev.meshdeck.core.validation.rules.webhook.gateway;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServerTlsIgnoredCertificatesTest {

    @Test
    void warnsAboutCertificatesOfPassthroughAndAThirdCertificate() {
        assertFindings(new ServerTlsIgnoredCertificates(), "webhook/gateway/tls.yaml").containsExactlyInAnyOrder(
                "MD0539@Gateway shop/certificates@spec.servers[3].tls.tlsCertificates[2]",
                "MD0539@Gateway shop/certificates@spec.servers[4].tls.credentialName");
    }

    @Test
    void acceptsAWellFormedGateway() {
        assertFindings(new ServerTlsIgnoredCertificates(), "webhook/gateway/rules.yaml").isEmpty();
    }
}
