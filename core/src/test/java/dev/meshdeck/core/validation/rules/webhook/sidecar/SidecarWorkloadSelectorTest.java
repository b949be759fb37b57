package dev.meshdeck.core.validation.rules.webhook.sidecar;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SidecarWorkloadSelectorTest {

    @Test
    void reportsEmptyKeysAndWildcardsInSelectorLabels() {
        assertFindings(new SidecarWorkloadSelector(), "webhook/sidecar/workload-selector.yaml").containsExactlyInAnyOrder(
                "MD0581@Sidecar payments/wildcards@spec.workloadSelector.labels",
                "MD0581@Sidecar payments/wildcards@spec.workloadSelector.labels");
    }
}
