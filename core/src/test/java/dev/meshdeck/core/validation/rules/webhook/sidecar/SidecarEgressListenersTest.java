package dev.meshdeck.core.validation.rules.webhook.sidecar;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SidecarEgressListenersTest {

    @Test
    void reportsMisplacedCatchAllBadPortsBindsAndSockets() {
        assertFindings(new SidecarEgressListeners(), "webhook/sidecar/egress-listeners.yaml").containsExactlyInAnyOrder(
                "MD0585@Sidecar payments/bad@spec.egress[0]",
                "MD0585@Sidecar payments/bad@spec.egress[1]",
                "MD0585@Sidecar payments/bad@spec.egress[2].port.targetPort",
                "MD0585@Sidecar payments/bad@spec.egress[2].bind",
                "MD0585@Sidecar payments/bad@spec.egress[3].port.number",
                "MD0585@Sidecar payments/bad@spec.egress[4].bind",
                "MD0585@Sidecar payments/bad@spec.egress[4].captureMode",
                "MD0585@Sidecar payments/bad@spec.egress[5].bind",
                "MD0585@Sidecar payments/bad@spec.egress[6].bind",
                "MD0585@Sidecar payments/bad@spec.egress[6].bind",
                "MD0585@Sidecar payments/bad@spec.egress[7]");
    }
}
