package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AuthzDenyHttpOnlyTest {

    @Test
    void denyRulesWithOnlyHttpAttributesWarnOfTcpTraffic() {
        assertFindings(new AuthzDenyHttpOnly(), "webhook/authorizationpolicy/deny-http-only.yaml").containsExactly(
                "MD0619@AuthorizationPolicy serverless/deny@spec.rules[0]",
                "MD0619@AuthorizationPolicy serverless/deny@spec.rules[1]");
    }
}
