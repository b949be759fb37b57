package dev.meshdeck.core.validation.rules.scaling;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class RequestAboveLimitTest {

    @Test
    void aRequestAboveItsLimitIsRejectedWhateverTheUnits() {
        assertFindings(new RequestAboveLimit(), "scaling/scaling.yaml").containsExactlyInAnyOrder(
                "MD0710@Deployment shop/checkout@spec.template.spec.containers[0].resources.requests.memory",
                "MD0710@Deployment shop/checkout@spec.template.spec.containers[1].resources.requests.memory");
    }
}
