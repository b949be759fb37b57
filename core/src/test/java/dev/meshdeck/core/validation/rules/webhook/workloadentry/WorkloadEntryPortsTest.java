package dev.meshdeck.core.validation.rules.webhook.workloadentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class WorkloadEntryPortsTest {

    @Test
    void reportsBadPortNamesNumbersAndPortsOnASocket() {
        assertFindings(new WorkloadEntryPorts(), "webhook/workloadentry/entries.yaml").containsExactlyInAnyOrder(
                "MD0547@WorkloadEntry shop/relative-socket@spec.ports",
                "MD0547@WorkloadEntry shop/bad-ports-and-labels@spec.ports.http_web",
                "MD0547@WorkloadEntry shop/bad-ports-and-labels@spec.ports.grpc");
    }
}
