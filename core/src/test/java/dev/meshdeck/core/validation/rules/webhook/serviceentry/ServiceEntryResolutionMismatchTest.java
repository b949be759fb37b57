package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServiceEntryResolutionMismatchTest {

    @Test
    void reportsAddressesEndpointsHostsAndPortsThatDoNotFitTheResolution() {
        assertFindings(new ServiceEntryResolutionMismatch(), "webhook/serviceentry/resolution-mismatch.yaml").containsExactlyInAnyOrder(
                "MD0567@ServiceEntry payments/cidr-with-dns@spec.addresses[1]",
                "MD0567@ServiceEntry payments/none-with-endpoints@spec.endpoints",
                "MD0567@ServiceEntry payments/dns-wildcard-without-endpoints@spec.hosts[1]",
                "MD0567@ServiceEntry payments/round-robin-two@spec.endpoints",
                "MD0567@ServiceEntry payments/two-hosts-on-tcp@spec.ports[1]");
    }
}
