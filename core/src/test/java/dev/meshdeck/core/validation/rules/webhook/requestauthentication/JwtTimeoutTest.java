package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class JwtTimeoutTest {

    @Test
    void timeoutsAreWholeMilliseconds() {
        assertFindings(new JwtTimeout(), "webhook/requestauthentication/timeout.yaml").containsExactly(
                "MD0622@RequestAuthentication serverless/jwt@spec.jwtRules[0].timeout");
    }
}
