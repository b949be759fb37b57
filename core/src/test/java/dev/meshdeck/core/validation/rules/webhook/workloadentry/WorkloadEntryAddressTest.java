package dev.meshdeck.core.validation.rules.webhook.workloadentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class WorkloadEntryAddressTest {

    @Test
    void reportsAMissingAddressAddressesWithPortsAndRelativeSockets() {
        assertFindings(new WorkloadEntryAddress(), "webhook/workloadentry/entries.yaml").containsExactlyInAnyOrder(
                "MD0545@WorkloadEntry shop/no-address@spec",
                "MD0545@WorkloadEntry shop/address-with-port@spec.address",
                "MD0545@WorkloadEntry shop/relative-socket@spec.address");
    }
}
