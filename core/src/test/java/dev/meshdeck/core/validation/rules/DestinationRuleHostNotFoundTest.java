package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DestinationRuleHostNotFoundTest {

    @Test
    void reportsAHostNoServiceDefines() {
        assertFindings(new DestinationRuleHostNotFound(), "destinationrules/subsets.yaml").containsExactlyInAnyOrder(
                "MD0308@DestinationRule serverless/ghost-function@spec.host");
    }

    @Test
    void aWildcardHostIsFoundWhenItCoversAServiceAndReportedWhenItCoversNone() {
        assertFindings(new DestinationRuleHostNotFound(), "destinationrules/wildcard-hosts.yaml").containsExactly(
                "MD0308@DestinationRule serverless/ghost-wide@spec.host");
    }

    @Test
    void saysNothingOfflineWhenTheReferencedKindIsAbsentFromTheInputs() {
        assertFindings(new DestinationRuleHostNotFound(), "destination-hosts/offline.yaml").isEmpty();
    }
}
