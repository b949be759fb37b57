package dev.meshdeck.core.validation.rules.webhook.sidecar;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SidecarHttpPoolOnTcpPortTest {

    @Test
    void warnsAboutHttpPoolSettingsOnPortsThatAreNotHttp() {
        assertFindings(new SidecarHttpPoolOnTcpPort(), "webhook/sidecar/http-pool-on-tcp-port.yaml").containsExactlyInAnyOrder(
                "MD0590@Sidecar payments/tcp-ports@spec.ingress[0].connectionPool.http",
                "MD0590@Sidecar payments/tcp-ports@spec.ingress[1].connectionPool.http");
    }
}
