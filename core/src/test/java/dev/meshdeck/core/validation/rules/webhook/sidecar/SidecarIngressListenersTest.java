package dev.meshdeck.core.validation.rules.webhook.sidecar;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SidecarIngressListenersTest {

    @Test
    void reportsIngressPortsBindsAndDefaultEndpointsIstioRejects() {
        assertFindings(new SidecarIngressListeners(), "webhook/sidecar/ingress-listeners.yaml").containsExactlyInAnyOrder(
                "MD0583@Sidecar payments/bad@spec.ingress[0]",
                "MD0583@Sidecar payments/bad@spec.ingress[1]",
                "MD0583@Sidecar payments/bad@spec.ingress[2].port.targetPort",
                "MD0583@Sidecar payments/bad@spec.ingress[2].bind",
                "MD0583@Sidecar payments/bad@spec.ingress[3].port.name",
                "MD0583@Sidecar payments/bad@spec.ingress[3].port.protocol",
                "MD0583@Sidecar payments/bad@spec.ingress[3].port.number",
                "MD0583@Sidecar payments/bad@spec.ingress[3].defaultEndpoint",
                "MD0583@Sidecar payments/bad@spec.ingress[4].port.number",
                "MD0583@Sidecar payments/bad@spec.ingress[4].defaultEndpoint",
                "MD0583@Sidecar payments/bad@spec.ingress[5].defaultEndpoint",
                "MD0583@Sidecar payments/bad@spec.ingress[6].defaultEndpoint");
    }
}
