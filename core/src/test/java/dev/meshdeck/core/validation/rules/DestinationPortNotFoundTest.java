package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DestinationPortNotFoundTest {

    @Test
    void reportsAPortTheServiceDoesNotExpose() {
        assertFindings(new DestinationPortNotFound(), "destination-hosts/hosts.yaml").containsExactlyInAnyOrder(
                "MD0301@VirtualService serverless/checkout@spec.http[3].route[0].destination.port.number");
    }
}
