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

    @Test
    void resolvesLegacyReferenceFormsAsIstioDoesAndChecksMatchGateways() {
        assertFindings(new GatewayNotFound(), "gateways/app-only.yaml").containsExactlyInAnyOrder(
                "MD0304@VirtualService serverless/shop@spec.gateways[4]",
                "MD0304@VirtualService serverless/shop-internal@spec.http[0].match[1].gateways[0]");
    }
}
