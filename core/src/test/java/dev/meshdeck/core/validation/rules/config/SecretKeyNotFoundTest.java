package dev.meshdeck.core.validation.rules.config;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static dev.meshdeck.core.validation.RuleAsserter.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import org.junit.jupiter.api.Test;

class SecretKeyNotFoundTest {

    @Test
    void reportsSecretKeyRefsAndVolumeItemsTheSecretLacks() {
        assertFindings(new SecretKeyNotFound(), "config/env.yaml").containsExactlyInAnyOrder(
                "MD0704@Deployment shop/checkout@spec.template.spec.containers[0].env[4].valueFrom.secretKeyRef.key",
                "MD0704@Deployment shop/checkout@spec.template.spec.volumes[0].secret.items[1].key");
    }

    @Test
    void namesTheKeysThatExistSoTheTypoIsPlain() {
        assertThat(run(new SecretKeyNotFound(), "config/env.yaml")).extracting(Finding::message)
                .contains("Secret \"checkout-db\" has no key \"user\" (it has password): the pod cannot start. "
                        + "Add the key, or mark the reference optional: true");
    }
}
