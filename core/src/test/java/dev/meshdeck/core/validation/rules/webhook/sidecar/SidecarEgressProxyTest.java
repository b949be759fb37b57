package dev.meshdeck.core.validation.rules.webhook.sidecar;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SidecarEgressProxyTest {

    @Test
    void reportsAnEgressProxyOutsideAllowAnyOrWithoutFqdnOrPort() {
        assertFindings(new SidecarEgressProxy(), "webhook/sidecar/egress-proxy.yaml").containsExactlyInAnyOrder(
                "MD0588@Sidecar payments/registry-only@spec.outboundTrafficPolicy.egressProxy",
                "MD0588@Sidecar payments/no-port@spec.outboundTrafficPolicy.egressProxy.host",
                "MD0588@Sidecar payments/no-port@spec.outboundTrafficPolicy.egressProxy",
                "MD0588@Sidecar payments/bad-values@spec.outboundTrafficPolicy.egressProxy.subset",
                "MD0588@Sidecar payments/bad-values@spec.outboundTrafficPolicy.egressProxy.port.number");
    }
}
