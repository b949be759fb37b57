package dev.meshdeck.core.validation.rules.webhook.sidecar;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SidecarEmptyTest {

    @Test
    void reportsSidecarsThatConfigureNothing() {
        assertFindings(new SidecarEmpty(), "webhook/sidecar/empty.yaml").containsExactlyInAnyOrder(
                "MD0580@Sidecar payments/nothing@spec",
                "MD0580@Sidecar payments/empty-lists@spec");
    }
}
