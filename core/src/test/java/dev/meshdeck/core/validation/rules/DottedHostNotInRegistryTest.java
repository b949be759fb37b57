package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DottedHostNotInRegistryTest {

    @Test
    void nameDotNamespaceAndExternalHostsWithoutServiceEntryAreReported() {
        assertFindings(new DottedHostNotInRegistry(), "destination-hosts/dotted.yaml").containsExactlyInAnyOrder(
                "MD0252@VirtualService bookinfo/reviews@spec.http[0].route[0].destination.host",
                "MD0252@VirtualService bookinfo/reviews@spec.http[1].route[0].destination.host",
                "MD0252@VirtualService bookinfo/reviews@spec.http[1].mirror.host",
                "MD0252@DestinationRule bookinfo/wikipedia@spec.host");
    }

    @Test
    void leftToTheRegistryRulesWhenServiceEntriesAreKnown() {
        assertFindings(new DottedHostNotInRegistry(), "destination-hosts/dotted-with-entries.yaml").isEmpty();
    }
}
