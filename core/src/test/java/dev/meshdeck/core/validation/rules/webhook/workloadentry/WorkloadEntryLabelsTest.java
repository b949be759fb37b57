package dev.meshdeck.core.validation.rules.webhook.workloadentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class WorkloadEntryLabelsTest {

    @Test
    void reportsLabelsKubernetesWouldRefuse() {
        assertFindings(new WorkloadEntryLabels(), "webhook/workloadentry/entries.yaml").containsExactlyInAnyOrder(
                "MD0548@WorkloadEntry shop/bad-ports-and-labels@spec.labels[app!]",
                "MD0548@WorkloadEntry shop/bad-ports-and-labels@spec.labels.version");
    }
}
