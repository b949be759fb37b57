package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AuthzEmptyMatchTest {

    @Test
    void writtenButEmptyPartsOfARuleAreRefused() {
        assertFindings(new AuthzEmptyMatch(), "webhook/authorizationpolicy/empty-match.yaml").containsExactly(
                "MD0612@AuthorizationPolicy serverless/empty-parts@spec.rules[0].from",
                "MD0612@AuthorizationPolicy serverless/empty-parts@spec.rules[1].from[0]",
                "MD0612@AuthorizationPolicy serverless/empty-parts@spec.rules[1].from[1].source",
                "MD0612@AuthorizationPolicy serverless/empty-parts@spec.rules[2].to[0].operation",
                "MD0612@AuthorizationPolicy serverless/empty-parts@spec.rules[3].when[0]");
    }
}
