package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServiceEntryAddressesTest {

    @Test
    void reportsAddressesThatAreNeitherIpNorCidr() {
        assertFindings(new ServiceEntryAddresses(), "webhook/serviceentry/addresses.yaml").containsExactlyInAnyOrder(
                "MD0562@ServiceEntry payments/bad@spec.addresses[1]",
                "MD0562@ServiceEntry payments/bad@spec.addresses[2]",
                "MD0562@ServiceEntry payments/bad@spec.addresses[3]");
    }
}
