package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class JwtClaimToHeadersTest {

    @Test
    void claimsGoToHeadersWithStrictNames() {
        assertFindings(new JwtClaimToHeaders(), "webhook/requestauthentication/claim-to-headers.yaml").containsExactly(
                "MD0621@RequestAuthentication serverless/jwt@spec.jwtRules[0].outputClaimToHeaders[1]",
                "MD0621@RequestAuthentication serverless/jwt@spec.jwtRules[0].outputClaimToHeaders[2].header");
    }
}
