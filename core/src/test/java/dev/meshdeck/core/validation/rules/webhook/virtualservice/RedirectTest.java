package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class RedirectTest {

    @Test
    void refusesRedirectsEnvoyCannotSend() {
        assertFindings(new Redirect(), "webhook/virtualservice/redirect.yaml").containsExactlyInAnyOrder(
                "MD0417@VirtualService shop/nothing@spec.http[0].redirect",
                "MD0417@VirtualService shop/uri-and-prefix@spec.http[0].redirect",
                "MD0417@VirtualService shop/prefix-on-exact@spec.http[0].redirect",
                "MD0417@VirtualService shop/code@spec.http[0].redirect",
                "MD0417@VirtualService shop/scheme@spec.http[0].redirect",
                "MD0417@VirtualService shop/port@spec.http[0].redirect");
    }
}
