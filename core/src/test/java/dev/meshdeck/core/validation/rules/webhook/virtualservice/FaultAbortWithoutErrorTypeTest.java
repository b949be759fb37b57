package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class FaultAbortWithoutErrorTypeTest {

    @Test
    void warnsAboutAnAbortThatAbortsNothing() {
        assertFindings(new FaultAbortWithoutErrorType(), "webhook/virtualservice/fault-abort-without-error-type.yaml").containsExactlyInAnyOrder(
                "MD0414@VirtualService shop/no-error-type@spec.http[0].fault.abort");
    }
}
