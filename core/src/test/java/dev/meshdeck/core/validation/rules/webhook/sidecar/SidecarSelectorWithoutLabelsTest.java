package dev.meshdeck.core.validation.rules.webhook.sidecar;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SidecarSelectorWithoutLabelsTest {

    @Test
    void warnsAboutASelectorWithoutLabels() {
        assertFindings(new SidecarSelectorWithoutLabels(), "webhook/sidecar/workload-selector.yaml").containsExactlyInAnyOrder(
                "MD0582@Sidecar payments/no-labels@spec.workloadSelector");
    }
}
