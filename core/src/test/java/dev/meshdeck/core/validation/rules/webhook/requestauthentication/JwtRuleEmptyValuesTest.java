package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class JwtRuleEmptyValuesTest {

    @Test
    void emptyAudiencesTokenLocationsAndClaimNamesAreRefused() {
        assertFindings(new JwtRuleEmptyValues(), "webhook/requestauthentication/empty-values.yaml").containsExactly(
                "MD0620@RequestAuthentication serverless/jwt@spec.jwtRules[0].audiences[1]",
                "MD0620@RequestAuthentication serverless/jwt@spec.jwtRules[0].fromHeaders[1]",
                "MD0620@RequestAuthentication serverless/jwt@spec.jwtRules[0].fromParams[1]",
                "MD0620@RequestAuthentication serverless/jwt@spec.jwtRules[0].fromCookies[0]",
                "MD0620@RequestAuthentication serverless/jwt@spec.jwtRules[0].spaceDelimitedClaims[1]");
    }
}
