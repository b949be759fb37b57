package dev.meshdeck.core.validation.rules.config;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ConfigMapKeyNotFoundTest {

    @Test
    void reportsAKeyTheConfigMapLacksUnlessOptional() {
        assertFindings(new ConfigMapKeyNotFound(), "config/env.yaml").containsExactly(
                "MD0702@Deployment shop/checkout@spec.template.spec.containers[0].env[1].valueFrom.configMapKeyRef.key");
    }
}
