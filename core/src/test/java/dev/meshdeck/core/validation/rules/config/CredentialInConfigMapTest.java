package dev.meshdeck.core.validation.rules.config;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.ValidationInput;
import dev.meshdeck.core.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialInConfigMapTest {

    @Test
    void warnsOfCredentialWordsInKeysButNotOfWordsThatMerelyContainThem() {
        assertFindings(new CredentialInConfigMap(), "config/env.yaml").containsExactlyInAnyOrder(
                "MD0705@ConfigMap shop/checkout-settings@data.STRIPE_API_KEY",
                "MD0705@ConfigMap shop/checkout-settings@data.dbPassword");
    }

    /** The gate reads every live ConfigMap: a change to a VirtualService must not be warned about them. */
    @Test
    void liveConfigMapsAreNotJudged() {
        List<Resource> live = new ValidationInput().addText("live.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: legacy, namespace: shop}
                data: {DB_PASSWORD: hunter2}
                """).resources().stream().map(r -> Resource.live(r.tree())).toList();

        assertThat(new Validator(List.of(new CredentialInConfigMap())).validate(new ValidationContext(live, true))).isEmpty();
    }
}
