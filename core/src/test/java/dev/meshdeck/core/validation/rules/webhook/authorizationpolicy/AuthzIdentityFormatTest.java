package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AuthzIdentityFormatTest {

    @Test
    void serviceAccountsAndTrustDomainsAreWrittenAsIstioMatchesThem() {
        assertFindings(new AuthzIdentityFormat(), "webhook/authorizationpolicy/identity-format.yaml").containsExactly(
                "MD0615@AuthorizationPolicy serverless/identities@spec.rules[0].from[0].source.serviceAccounts[2]",
                "MD0615@AuthorizationPolicy serverless/identities@spec.rules[0].from[0].source.serviceAccounts[3]",
                "MD0615@AuthorizationPolicy serverless/identities@spec.rules[0].from[0].source.serviceAccounts[4]",
                "MD0615@AuthorizationPolicy serverless/identities@spec.rules[0].from[0].source.serviceAccounts[5]",
                "MD0615@AuthorizationPolicy serverless/identities@spec.rules[0].from[0].source.trustDomains[2]",
                "MD0615@AuthorizationPolicy serverless/identities@spec.rules[0].from[0].source.trustDomains[3]",
                "MD0615@AuthorizationPolicy serverless/identities@spec.rules[0].from[0].source.trustDomains[4]",
                "MD0615@AuthorizationPolicy serverless/identities@spec.rules[0].when[0].values[1]");
    }
}
