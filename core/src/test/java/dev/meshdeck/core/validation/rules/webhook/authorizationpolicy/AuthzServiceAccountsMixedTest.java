package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AuthzServiceAccountsMixedTest {

    @Test
    void serviceAccountsCannotBeMixedWithNamespacesOrPrincipals() {
        assertFindings(new AuthzServiceAccountsMixed(), "webhook/authorizationpolicy/service-accounts-mixed.yaml").containsExactly(
                "MD0614@AuthorizationPolicy serverless/mixed@spec.rules[0].from[0].source.notServiceAccounts");
    }
}
