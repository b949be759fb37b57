package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DestinationHostNotFoundTest {

    @Test
    void reportsHostsThatNoServiceKnativeServiceOrExportedServiceEntryDefines() {
        assertFindings(new DestinationHostNotFound(), "destination-hosts/hosts.yaml").containsExactlyInAnyOrder(
                "MD0300@VirtualService serverless/checkout@spec.http[0].route[1].destination.host",
                "MD0300@VirtualService serverless/checkout@spec.http[0].mirror.host",
                "MD0300@VirtualService frontend/web@spec.tcp[0].route[0].destination.host");
    }

    @Test
    void saysNothingOfflineWhenTheReferencedKindIsAbsentFromTheInputs() {
        assertFindings(new DestinationHostNotFound(), "destination-hosts/offline.yaml").isEmpty();
    }
}
