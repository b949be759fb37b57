package dev.meshdeck.core.validation.rules.webhook.policy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class WorkloadSelectorWithoutLabelsTest {

    @Test
    void aSelectorWithoutLabelsIsAWarning() {
        assertFindings(new WorkloadSelectorWithoutLabels(), "webhook/policy/selector-without-labels.yaml").containsExactly(
                "MD0601@PeerAuthentication serverless/empty-selector@spec.selector",
                "MD0601@AuthorizationPolicy serverless/empty-labels@spec.selector");
    }
}
