package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class PortTlsWithoutCaCertificatesTest {

    @Test
    void reportsOnlyThePortWithoutCaCertificates() {
        assertFindings(new PortTlsWithoutCaCertificates(), "destinationrules/tls.yaml").containsExactlyInAnyOrder(
                "MD0209@DestinationRule payments/ledger-db@spec.trafficPolicy.portLevelSettings[0].tls.mode");
    }
}
