package dev.meshdeck.core.validation.rules.webhook.peerauthentication;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class PeerAuthnPortLevelMtlsTest {

    @Test
    void portLevelMtlsHasPortsOneToFiftyFiveThousand() {
        assertFindings(new PeerAuthnPortLevelMtls(), "webhook/peerauthentication/port-level-mtls.yaml").containsExactly(
                "MD0630@PeerAuthentication serverless/empty@spec.portLevelMtls",
                "MD0630@PeerAuthentication serverless/ports@spec.portLevelMtls[0]",
                "MD0630@PeerAuthentication serverless/ports@spec.portLevelMtls[70000]",
                "MD0630@PeerAuthentication serverless/ports@spec.portLevelMtls.http");
    }
}
