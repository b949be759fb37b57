package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServiceEntryWorkloadSelectorTest {

    @Test
    void reportsEmptyKeysWildcardsAndSelectorsBesideEndpoints() {
        assertFindings(new ServiceEntryWorkloadSelector(), "webhook/serviceentry/workload-selector.yaml").containsExactlyInAnyOrder(
                "MD0565@ServiceEntry payments/bad-labels@spec.workloadSelector.labels",
                "MD0565@ServiceEntry payments/bad-labels@spec.workloadSelector.labels",
                "MD0565@ServiceEntry payments/with-endpoints@spec.workloadSelector");
    }
}
