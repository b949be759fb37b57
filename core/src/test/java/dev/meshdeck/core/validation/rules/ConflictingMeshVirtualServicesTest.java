package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ConflictingMeshVirtualServicesTest {

    @Test
    void reportsMeshVirtualServicesSharingAHostWhereverTheyAreVisible() {
        assertFindings(new ConflictingMeshVirtualServices(), "vs-semantics/routes.yaml").containsExactlyInAnyOrder(
                "MD0204@VirtualService serverless/orders@spec.hosts",
                "MD0204@VirtualService serverless/orders-canary@spec.hosts",
                "MD0204@VirtualService team-b/orders@spec.hosts");
    }
}
