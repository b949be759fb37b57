package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServiceEntryTcpPortWithoutAddressTest {

    @Test
    void warnsAboutTcpPortsWithoutAnAddressIstiodWillNotAllocate() {
        assertFindings(new ServiceEntryTcpPortWithoutAddress(), "webhook/serviceentry/tcp-without-address.yaml").containsExactlyInAnyOrder(
                "MD0564@ServiceEntry payments/resolution-none@spec.ports[0]",
                "MD0564@ServiceEntry payments/resolution-none@spec.ports[1]",
                "MD0564@ServiceEntry payments/opted-out@spec.ports[0]");
    }
}
