package dev.meshdeck.core.validation.rules.webhook.policy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class PolicyTargetRefTest {

    @Test
    void targetRefsNeedANameTheirOwnNamespaceAndASupportedKind() {
        assertFindings(new PolicyTargetRef(), "webhook/policy/target-refs.yaml").containsExactly(
                "MD0602@RequestAuthentication serverless/gateways@spec.targetRefs[1]",
                "MD0602@Telemetry serverless/other-namespace@spec.targetRef.namespace",
                "MD0602@AuthorizationPolicy serverless/deployment@spec.targetRef");
    }
}
