package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class RoutesRequiredTest {

    @Test
    void refusesAVirtualServiceOrTcpTlsRouteWithoutDestinations() {
        assertFindings(new RoutesRequired(), "webhook/virtualservice/routes-required.yaml").containsExactlyInAnyOrder(
                "MD0404@VirtualService shop/no-routes@spec",
                "MD0404@VirtualService shop/tcp-without-route@spec.tcp[0]",
                "MD0404@VirtualService shop/tls-without-route@spec.tls[0]");
    }
}
