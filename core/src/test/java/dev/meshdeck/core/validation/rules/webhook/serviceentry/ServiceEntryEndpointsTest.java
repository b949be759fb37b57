package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServiceEntryEndpointsTest {

    @Test
    void reportsEndpointAddressesPortsAndLabelsAsTheResolutionDemands() {
        assertFindings(new ServiceEntryEndpoints(), "webhook/serviceentry/endpoints.yaml").containsExactlyInAnyOrder(
                "MD0569@ServiceEntry payments/static-bad@spec.endpoints[0].address",
                "MD0569@ServiceEntry payments/static-bad@spec.endpoints[1].ports.grpc",
                "MD0569@ServiceEntry payments/static-bad@spec.endpoints[1].ports.http",
                "MD0569@ServiceEntry payments/static-bad@spec.endpoints[1].labels",
                "MD0569@ServiceEntry payments/static-bad@spec.endpoints[2]",
                "MD0569@ServiceEntry payments/static-bad@spec.endpoints[3].address",
                "MD0569@ServiceEntry payments/static-bad@spec.endpoints[3].ports",
                "MD0569@ServiceEntry payments/static-bad@spec.endpoints[3].address",
                "MD0569@ServiceEntry payments/dns-bad@spec.endpoints[0].address",
                "MD0569@ServiceEntry payments/dns-bad@spec.endpoints[1].labels",
                "MD0569@ServiceEntry payments/dns-bad@spec.endpoints[2]");
    }
}
