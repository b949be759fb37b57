package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AuthzPathTemplateTest {

    @Test
    void pathTemplatesAreWholeSegmentsWithAnyLast() {
        assertFindings(new AuthzPathTemplate(), "webhook/authorizationpolicy/path-templates.yaml").containsExactly(
                "MD0618@AuthorizationPolicy serverless/paths@spec.rules[0].to[0].operation.paths[2]",
                "MD0618@AuthorizationPolicy serverless/paths@spec.rules[0].to[0].operation.paths[3]",
                "MD0618@AuthorizationPolicy serverless/paths@spec.rules[0].to[0].operation.paths[4]",
                "MD0618@AuthorizationPolicy serverless/paths@spec.rules[0].to[0].operation.notPaths[0]");
    }
}
