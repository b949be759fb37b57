package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DestinationPortRequiredTest {

    @Test
    void requiresAPortOnlyForServicesWithSeveralPorts() {
        assertFindings(new DestinationPortRequired(), "destination-hosts/hosts.yaml").containsExactlyInAnyOrder(
                "MD0303@VirtualService serverless/checkout@spec.http[2].route[0].destination");
    }
}
