package dev.meshdeck.core.validation.rules.webhook.workloadentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AddressUnsetWithNetworkTest {

    @Test
    void warnsAboutAnEntryReachableOnlyThroughItsNetwork() {
        assertFindings(new AddressUnsetWithNetwork(), "webhook/workloadentry/entries.yaml").containsExactlyInAnyOrder(
                "MD0546@WorkloadEntry shop/behind-gateway@spec.network");
    }
}
