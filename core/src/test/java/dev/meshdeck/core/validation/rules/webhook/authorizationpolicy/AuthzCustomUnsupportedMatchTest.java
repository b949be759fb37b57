package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AuthzCustomUnsupportedMatchTest {

    @Test
    void customPoliciesCannotMatchIdentities() {
        assertFindings(new AuthzCustomUnsupportedMatch(), "webhook/authorizationpolicy/custom-unsupported.yaml").containsExactly(
                "MD0611@AuthorizationPolicy serverless/custom@spec.rules[0].from[0].source.principals",
                "MD0611@AuthorizationPolicy serverless/custom@spec.rules[0].when[0].key");
    }
}
