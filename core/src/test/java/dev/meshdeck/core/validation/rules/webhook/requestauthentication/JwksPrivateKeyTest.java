package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.RuleAsserter;
import org.junit.jupiter.api.Test;

class JwksPrivateKeyTest {

    @Test
    void privateOrSymmetricKeysWarnWithoutShowingThem() {
        assertFindings(new JwksPrivateKey(), "webhook/requestauthentication/jwks-private.yaml").containsExactly(
                "MD0624@RequestAuthentication serverless/jwt@spec.jwtRules[1].jwks",
                "MD0624@RequestAuthentication serverless/jwt@spec.jwtRules[2].jwks");
    }

    @Test
    void noKeyMaterialReachesTheMessage() {
        assertThat(RuleAsserter.run(new JwksPrivateKey(), "webhook/requestauthentication/jwks-private.yaml"))
                .extracting(Finding::message)
                .allSatisfy(m -> assertThat(m).doesNotContain("jpsQnnGQ").doesNotContain("c2VjcmV0"))
                .last().asString().startsWith("jwks key at index 1 contains private key material");
    }
}
