package dev.meshdeck.core.validation.rules.config;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class CredentialInConfigMapTest {

    @Test
    void warnsOfCredentialWordsInKeysButNotOfWordsThatMerelyContainThem() {
        assertFindings(new CredentialInConfigMap(), "config/env.yaml").containsExactlyInAnyOrder(
                "MD0705@ConfigMap shop/checkout-settings@data.STRIPE_API_KEY",
                "MD0705@ConfigMap shop/checkout-settings@data.dbPassword");
    }
}
