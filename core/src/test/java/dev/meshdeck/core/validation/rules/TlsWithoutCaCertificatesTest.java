package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class TlsWithoutCaCertificatesTest {

    @Test
    void reportsSimpleOrMutualWithoutCaUnlessACredentialIsScopedByWorkloadSelector() {
        assertFindings(new TlsWithoutCaCertificates(), "destinationrules/tls.yaml").containsExactlyInAnyOrder(
                "MD0208@DestinationRule payments/stripe@spec.trafficPolicy.tls.mode",
                "MD0208@DestinationRule payments/partner-api-everywhere@spec.trafficPolicy.tls.mode");
    }
}
