package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AuthorityRewriteTest {

    @Test
    void refusesARouteThatSetsTheAuthorityTwice() {
        assertFindings(new AuthorityRewrite(), "webhook/virtualservice/authority-rewrite.yaml").containsExactlyInAnyOrder(
                "MD0411@VirtualService shop/rewrite-and-header@spec.http[0].headers.request.set.Host",
                "MD0411@VirtualService shop/set-and-add@spec.http[0].headers.request.add.host");
    }
}
