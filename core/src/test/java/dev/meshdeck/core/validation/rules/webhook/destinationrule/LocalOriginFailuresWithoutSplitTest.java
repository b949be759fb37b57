package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class LocalOriginFailuresWithoutSplitTest {

    @Test
    void reportsLocalOriginFailuresOnlyWhenTheyAreNotSplit() {
        assertFindings(new LocalOriginFailuresWithoutSplit(), "webhook/destinationrule/outlier-detection.yaml").containsExactlyInAnyOrder(
                "MD0518@DestinationRule shop/outliers@spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new LocalOriginFailuresWithoutSplit(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
