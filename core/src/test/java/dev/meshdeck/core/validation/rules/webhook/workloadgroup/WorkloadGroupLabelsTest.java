package dev.meshdeck.core.validation.rules.webhook.workloadgroup;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class WorkloadGroupLabelsTest {

    @Test
    void reportsMetadataLabelsKubernetesWouldRefuse() {
        assertFindings(new WorkloadGroupLabels(), "webhook/workloadgroup/groups.yaml").containsExactlyInAnyOrder(
                "MD0551@WorkloadGroup shop/bad-labels@spec.metadata.labels[.]");
    }
}
