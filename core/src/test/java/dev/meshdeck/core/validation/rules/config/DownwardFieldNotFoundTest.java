package dev.meshdeck.core.validation.rules.config;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DownwardFieldNotFoundTest {

    @Test
    void reportsFieldAndResourcePathsTheDownwardApiDoesNotOffer() {
        assertFindings(new DownwardFieldNotFound(), "config/env.yaml").containsExactlyInAnyOrder(
                "MD0706@Deployment shop/checkout@spec.template.spec.containers[0].env[8].valueFrom.fieldRef.fieldPath",
                "MD0706@Deployment shop/checkout@spec.template.spec.containers[0].env[10].valueFrom.resourceFieldRef.resource");
    }
}
