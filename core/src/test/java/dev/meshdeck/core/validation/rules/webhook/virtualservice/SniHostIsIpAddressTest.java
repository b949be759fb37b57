package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SniHostIsIpAddressTest {

    @Test
    void warnsAboutAnIpAddressAsSniHost() {
        assertFindings(new SniHostIsIpAddress(), "webhook/virtualservice/sni-host-is-ip-address.yaml").containsExactlyInAnyOrder(
                "MD0425@VirtualService shop/address@spec.tls[0].match[0].sniHosts[0]");
    }
}
