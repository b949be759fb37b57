package dev.meshdeck.core.validation.rules.webhook.sidecar;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SidecarConnectionPoolTest {

    @Test
    void reportsConnectionPoolsWithoutSettings() {
        assertFindings(new SidecarConnectionPool(), "webhook/sidecar/connection-pool.yaml").containsExactlyInAnyOrder(
                "MD0589@Sidecar payments/empty-pools@spec.inboundConnectionPool",
                "MD0589@Sidecar payments/empty-pools@spec.ingress[0].connectionPool");
    }
}
