package dev.meshdeck.core.validation.rules.webhook.policy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class WorkloadSelectorLabelsTest {

    @Test
    void emptyKeysAndWildcardsAreRefusedInEveryPolicyKind() {
        assertFindings(new WorkloadSelectorLabels(), "webhook/policy/selector-labels.yaml").containsExactly(
                "MD0600@AuthorizationPolicy serverless/empty-key@spec.selector.matchLabels",
                "MD0600@PeerAuthentication serverless/wildcard-value@spec.selector.matchLabels.app",
                "MD0600@Telemetry serverless/wildcard-key@spec.selector.matchLabels[app*]");
    }
}
