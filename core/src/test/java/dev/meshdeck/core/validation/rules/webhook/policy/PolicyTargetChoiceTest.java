package dev.meshdeck.core.validation.rules.webhook.policy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class PolicyTargetChoiceTest {

    @Test
    void onlyOneOfSelectorTargetRefAndTargetRefs() {
        assertFindings(new PolicyTargetChoice(), "webhook/policy/target-choice.yaml").containsExactly(
                "MD0603@RequestAuthentication serverless/selector-and-ref@spec.targetRef",
                "MD0603@AuthorizationPolicy serverless/ref-and-refs@spec.targetRefs");
    }
}
