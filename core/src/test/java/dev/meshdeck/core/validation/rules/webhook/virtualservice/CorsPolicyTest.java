package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    @Test
    void refusesCorsPoliciesBrowsersCannotBeGiven() {
        assertFindings(new CorsPolicy(), "webhook/virtualservice/cors-policy.yaml").containsExactlyInAnyOrder(
                "MD0412@VirtualService shop/bad-origins@spec.http[0].corsPolicy.allowOrigins[0].prefix",
                "MD0412@VirtualService shop/bad-origins@spec.http[0].corsPolicy.allowOrigins[2].regex",
                "MD0412@VirtualService shop/bad-method-and-headers@spec.http[0].corsPolicy.allowMethods[1]",
                "MD0412@VirtualService shop/bad-method-and-headers@spec.http[0].corsPolicy.allowHeaders[0]",
                "MD0412@VirtualService shop/bad-method-and-headers@spec.http[0].corsPolicy.exposeHeaders[0]",
                "MD0412@VirtualService shop/sub-second-max-age@spec.http[0].corsPolicy.maxAge");
    }
}
