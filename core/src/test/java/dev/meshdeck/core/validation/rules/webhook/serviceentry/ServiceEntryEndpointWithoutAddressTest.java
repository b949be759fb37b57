package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServiceEntryEndpointWithoutAddressTest {

    @Test
    void warnsAboutStaticEndpointsKnownOnlyByNetwork() {
        assertFindings(new ServiceEntryEndpointWithoutAddress(), "webhook/serviceentry/endpoint-without-address.yaml").containsExactlyInAnyOrder(
                "MD0570@ServiceEntry payments/remote-network@spec.endpoints[1]");
    }
}
