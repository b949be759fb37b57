package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class RewriteTest {

    @Test
    void refusesRewritesEnvoyCannotApply() {
        assertFindings(new Rewrite(), "webhook/virtualservice/rewrite.yaml").containsExactlyInAnyOrder(
                "MD0421@VirtualService shop/nothing@spec.http[0].rewrite",
                "MD0421@VirtualService shop/uri-and-regex@spec.http[0].rewrite",
                "MD0421@VirtualService shop/regex-without-rewrite@spec.http[0].rewrite",
                "MD0421@VirtualService shop/lookbehind@spec.http[0].rewrite");
    }
}
