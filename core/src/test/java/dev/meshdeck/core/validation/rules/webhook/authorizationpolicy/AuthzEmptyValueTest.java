package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AuthzEmptyValueTest {

    @Test
    void anEmptyPrincipalOrOtherValueIsRefused() {
        assertFindings(new AuthzEmptyValue(), "webhook/authorizationpolicy/empty-value.yaml").containsExactly(
                "MD0613@AuthorizationPolicy serverless/empty-principal@spec.rules[0].from[0].source.principals[1]",
                "MD0613@AuthorizationPolicy serverless/empty-principal@spec.rules[0].to[0].operation.paths[0]",
                "MD0613@AuthorizationPolicy serverless/empty-principal@spec.rules[0].when[0].notValues[0]");
    }
}
