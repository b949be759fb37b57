package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class GatewayNotFoundTest {

    @Test
    void reportsMissingGatewaysButNotMeshNorInternalOrCrossNamespaceReferences() {
        assertFindings(new GatewayNotFound(), "gateways/gateways.yaml").containsExactlyInAnyOrder(
                "MD0304@VirtualService serverless/blog@spec.gateways[1]");
    }

    @Test
    void saysNothingOfflineWhenTheReferencedKindIsAbsentFromTheInputs() {
        assertFindings(new GatewayNotFound(), "destination-hosts/offline.yaml").isEmpty();
    }
}
