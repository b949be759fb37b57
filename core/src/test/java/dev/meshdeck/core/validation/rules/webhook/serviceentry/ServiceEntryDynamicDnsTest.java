package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServiceEntryDynamicDnsTest {

    @Test
    void reportsEverythingDynamicDnsCannotForward() {
        assertFindings(new ServiceEntryDynamicDns(), "webhook/serviceentry/dynamic-dns.yaml").containsExactlyInAnyOrder(
                "MD0568@ServiceEntry payments/everything-wrong@spec.hosts[1]",
                "MD0568@ServiceEntry payments/everything-wrong@spec.addresses",
                "MD0568@ServiceEntry payments/everything-wrong@spec.endpoints",
                "MD0568@ServiceEntry payments/everything-wrong@spec.ports[0].protocol",
                "MD0568@ServiceEntry payments/everything-wrong@spec.ports[1].protocol",
                "MD0568@ServiceEntry payments/everything-wrong@spec.location");
    }
}
