package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class HttpTimeoutTest {

    @Test
    void refusesTimeoutsFinerThanMilliseconds() {
        assertFindings(new HttpTimeout(), "webhook/virtualservice/http-timeout.yaml").containsExactlyInAnyOrder(
                "MD0423@VirtualService shop/sub-ms@spec.http[0].timeout");
    }
}
