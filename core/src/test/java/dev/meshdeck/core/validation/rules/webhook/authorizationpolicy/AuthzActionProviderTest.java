package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AuthzActionProviderTest {

    @Test
    void customNeedsRulesAndAProviderWhichNeedsCustomAndDenyNeedsRules() {
        assertFindings(new AuthzActionProvider(), "webhook/authorizationpolicy/action-provider.yaml").containsExactly(
                "MD0610@AuthorizationPolicy serverless/custom-no-rules@spec.action",
                "MD0610@AuthorizationPolicy serverless/custom-no-provider@spec.action",
                "MD0610@AuthorizationPolicy serverless/allow-with-provider@spec.provider",
                "MD0610@AuthorizationPolicy serverless/deny-all-of-nothing@spec.action");
    }
}
