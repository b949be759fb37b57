package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.RuleAsserter;
import org.junit.jupiter.api.Test;

class JwksInlineTest {

    @Test
    void inlineKeySetsMustBeJsonWebKeys() {
        assertFindings(new JwksInline(), "webhook/requestauthentication/jwks.yaml").containsExactly(
                "MD0623@RequestAuthentication serverless/jwt@spec.jwtRules[0].jwks",
                "MD0623@RequestAuthentication serverless/jwt@spec.jwtRules[2].jwks",
                "MD0623@RequestAuthentication serverless/jwt@spec.jwtRules[3].jwks");
    }

    @Test
    void theMessageSaysWhatIsWrongWithoutRepeatingTheKeys() {
        assertThat(RuleAsserter.run(new JwksInline(), "webhook/requestauthentication/jwks.yaml"))
                .extracting(Finding::message).containsExactly(
                        "jwks parse error: jwks is not JSON (line 1, column 4); paste the issuer's key set as JSON, or use jwksUri instead",
                        "jwks parse error: jwks key at index 0 (RSA) lacks \"n\"; paste the issuer's key set as JSON, or use jwksUri instead",
                        "jwks parse error: jwks key at index 0 has unsupported \"kty\" \"DSA\" (RSA, EC, OKP or oct); paste the issuer's key set as JSON, or use jwksUri instead");
    }
}
