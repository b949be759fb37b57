package dev.meshdeck.core.validation.rules.webhook.sidecar;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SidecarIngressTlsTest {

    @Test
    void reportsGatewayOnlyTlsSettingsAndTlsOnPlainPorts() {
        assertFindings(new SidecarIngressTls(), "webhook/sidecar/ingress-tls.yaml").containsExactlyInAnyOrder(
                "MD0584@Sidecar payments/gateway-settings@spec.ingress[0].tls.subjectAltNames",
                "MD0584@Sidecar payments/gateway-settings@spec.ingress[0].tls.credentialName",
                "MD0584@Sidecar payments/gateway-settings@spec.ingress[0].tls.mode",
                "MD0584@Sidecar payments/gateway-settings@spec.ingress[1].tls");
    }
}
