package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class VirtualServiceHostsTest {

    @Test
    void refusesInvalidHostsAndTheMeshWideWildcard() {
        assertFindings(new VirtualServiceHosts(), "webhook/virtualservice/virtual-service-hosts.yaml").containsExactlyInAnyOrder(
                "MD0400@VirtualService shop/bad-label@spec.hosts[1]",
                "MD0400@VirtualService shop/mesh-wildcard@spec.hosts[0]",
                "MD0400@VirtualService shop/mesh-and-gateway-wildcard@spec.hosts[0]",
                "MD0400@VirtualService shop/auto-passthrough-without-port@spec.hosts[0]");
    }
}
