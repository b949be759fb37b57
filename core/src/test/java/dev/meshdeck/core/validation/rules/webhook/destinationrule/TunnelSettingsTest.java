package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class TunnelSettingsTest {

    @Test
    void reportsBadTunnelsAndTunnelTogetherWithProxyProtocol() {
        assertFindings(new TunnelSettings(), "webhook/destinationrule/traffic-policies.yaml").containsExactlyInAnyOrder(
                "MD0506@DestinationRule shop/tunnels@spec.trafficPolicy.tunnel.protocol",
                "MD0506@DestinationRule shop/tunnels@spec.trafficPolicy.tunnel.targetHost",
                "MD0506@DestinationRule shop/tunnels@spec.trafficPolicy.tunnel.targetPort",
                "MD0506@DestinationRule shop/tunnels@spec.subsets[0].trafficPolicy.proxyProtocol",
                "MD0506@DestinationRule shop/tunnels@spec.subsets[1].trafficPolicy.proxyProtocol.version");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new TunnelSettings(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
