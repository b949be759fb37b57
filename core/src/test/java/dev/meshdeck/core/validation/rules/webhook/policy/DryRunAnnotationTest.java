package dev.meshdeck.core.validation.rules.webhook.policy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DryRunAnnotationTest {

    @Test
    void dryRunOnlyOnAllowOrDenyPoliciesWithABoolean() {
        assertFindings(new DryRunAnnotation(), "webhook/policy/dry-run.yaml").containsExactly(
                "MD0604@AuthorizationPolicy serverless/custom-dry-run@metadata.annotations[istio.io/dry-run]",
                "MD0604@AuthorizationPolicy serverless/not-a-boolean@metadata.annotations[istio.io/dry-run]",
                "MD0604@PeerAuthentication serverless/peer-dry-run@metadata.annotations[istio.io/dry-run]");
    }
}
