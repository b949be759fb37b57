package dev.meshdeck.core.validation.rules.config;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ConfigMapNotFoundTest {

    @Test
    void reportsEnvFromAndVolumesNamingAMissingConfigMapUnlessOptional() {
        assertFindings(new ConfigMapNotFound(), "config/env.yaml").containsExactlyInAnyOrder(
                "MD0701@Deployment shop/checkout@spec.template.spec.containers[0].envFrom[1].configMapRef.name",
                "MD0701@Deployment shop/checkout@spec.template.spec.volumes[1].configMap.name");
    }

    @Test
    void saysNothingWhenNoConfigMapIsKnown() {
        assertFindings(new ConfigMapNotFound(), "config/no-configmaps.yaml").isEmpty();
    }
}
