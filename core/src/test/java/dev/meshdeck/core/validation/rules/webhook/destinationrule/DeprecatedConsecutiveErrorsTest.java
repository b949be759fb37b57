package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DeprecatedConsecutiveErrorsTest {

    @Test
    void warnsAboutConsecutiveErrors() {
        assertFindings(new DeprecatedConsecutiveErrors(), "webhook/destinationrule/outlier-detection.yaml").containsExactlyInAnyOrder(
                "MD0510@DestinationRule shop/outliers@spec.trafficPolicy.outlierDetection.consecutiveErrors");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new DeprecatedConsecutiveErrors(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
