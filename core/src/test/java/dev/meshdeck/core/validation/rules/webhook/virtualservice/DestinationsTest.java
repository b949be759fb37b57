package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DestinationsTest {

    @Test
    void refusesInvalidDestinationHostsSubsetsAndPorts() {
        assertFindings(new Destinations(), "webhook/virtualservice/destinations.yaml").containsExactlyInAnyOrder(
                "MD0422@VirtualService shop/wildcard-host@spec.http[0].route[0].destination.host",
                "MD0422@VirtualService shop/bad-hosts@spec.http[0].route[0].destination.host",
                "MD0422@VirtualService shop/bad-hosts@spec.http[0].route[1].destination.host",
                "MD0422@VirtualService shop/bad-hosts@spec.http[0].mirror.host",
                "MD0422@VirtualService shop/bad-hosts@spec.http[0].mirrors[1].destination.host",
                "MD0422@VirtualService shop/tcp-subset-and-port@spec.tcp[0].route[0].destination.subset",
                "MD0422@VirtualService shop/tcp-subset-and-port@spec.tcp[0].route[0].destination.port.number");
    }
}
