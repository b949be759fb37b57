package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class TlsRoutesTest {

    @Test
    void refusesTlsRoutesWithoutUsableSniHosts() {
        assertFindings(new TlsRoutes(), "webhook/virtualservice/tls-routes.yaml").containsExactlyInAnyOrder(
                "MD0424@VirtualService shop/no-match@spec.tls[0]",
                "MD0424@VirtualService shop/no-sni@spec.tls[0].match[0]",
                "MD0424@VirtualService shop/bad-sni@spec.tls[0].match[0].sniHosts[0]",
                "MD0424@VirtualService shop/bad-sni@spec.tls[0].match[0].sniHosts[1]");
    }
}
