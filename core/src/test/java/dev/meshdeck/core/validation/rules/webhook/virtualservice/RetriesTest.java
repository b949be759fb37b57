package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class RetriesTest {

    @Test
    void refusesRetryPoliciesEnvoyCannotApply() {
        assertFindings(new Retries(), "webhook/virtualservice/retries.yaml").containsExactlyInAnyOrder(
                "MD0420@VirtualService shop/negative@spec.http[0].retries.attempts",
                "MD0420@VirtualService shop/disabled-with-settings@spec.http[0].retries.retryOn",
                "MD0420@VirtualService shop/disabled-with-settings@spec.http[0].retries.retryRemoteLocalities",
                "MD0420@VirtualService shop/unknown-conditions@spec.http[0].retries.retryOn",
                "MD0420@VirtualService shop/unknown-conditions@spec.http[0].retries.retryOn",
                "MD0420@VirtualService shop/sub-millisecond@spec.http[0].retries.perTryTimeout",
                "MD0420@VirtualService shop/sub-millisecond@spec.http[0].retries.backoff");
    }
}
