package dev.meshdeck.core.validation.rules.webhook.gateway;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServerCipherSuitesTest {

    @Test
    void warnsAboutUnknownAndDuplicateCiphersAndOldTlsWithoutCiphers() {
        assertFindings(new ServerCipherSuites(), "webhook/gateway/tls.yaml").containsExactlyInAnyOrder(
                "MD0540@Gateway shop/certificates@spec.servers[5].tls.cipherSuites",
                "MD0540@Gateway shop/certificates@spec.servers[5].tls.cipherSuites",
                "MD0540@Gateway shop/certificates@spec.servers[6].tls.minProtocolVersion");
    }

    @Test
    void acceptsAWellFormedGateway() {
        assertFindings(new ServerCipherSuites(), "webhook/gateway/rules.yaml").isEmpty();
    }
}
