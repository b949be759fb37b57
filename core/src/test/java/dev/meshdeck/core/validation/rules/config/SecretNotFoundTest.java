package dev.meshdeck.core.validation.rules.config;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SecretNotFoundTest {

    @Test
    void reportsAnInitContainersEnvFromNamingAMissingSecretButNotAnOptionalKeyRef() {
        assertFindings(new SecretNotFound(), "config/env.yaml").containsExactly(
                "MD0703@Deployment shop/checkout@spec.template.spec.initContainers[0].envFrom[0].secretRef.name");
    }

    @Test
    void saysNothingWhenNoSecretIsKnown() {
        assertFindings(new SecretNotFound(), "config/no-configmaps.yaml").isEmpty();
    }
}
