package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class MatchAttributesTest {

    @Test
    void refusesInvalidHeaderNamesPortsLabelsNamespacesAndSubnets() {
        assertFindings(new MatchAttributes(), "webhook/virtualservice/match-attributes.yaml").containsExactlyInAnyOrder(
                "MD0409@VirtualService shop/bad-header-names@spec.http[0].match[0].headers[illegal\"char]",
                "MD0409@VirtualService shop/bad-header-names@spec.http[0].match[0].withoutHeaders[::]",
                "MD0409@VirtualService shop/bad-port-and-namespace@spec.http[0].match[0].sourceNamespace",
                "MD0409@VirtualService shop/bad-port-and-namespace@spec.http[0].match[0].port",
                "MD0409@VirtualService shop/bad-labels@spec.http[0].match[0].sourceLabels.-app",
                "MD0409@VirtualService shop/bad-labels@spec.http[0].match[0].sourceLabels.tier",
                "MD0409@VirtualService shop/tcp-match@spec.tcp[0].match[0].destinationSubnets[1]");
    }
}
