package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class OutlierDetectionValuesTest {

    @Test
    void reportsSubMillisecondIntervalsAndPercentagesOutOfRange() {
        assertFindings(new OutlierDetectionValues(), "webhook/destinationrule/outlier-detection.yaml").containsExactlyInAnyOrder(
                "MD0509@DestinationRule shop/outliers@spec.trafficPolicy.outlierDetection.interval",
                "MD0509@DestinationRule shop/outliers@spec.trafficPolicy.outlierDetection.maxEjectionPercent",
                "MD0509@DestinationRule shop/outliers@spec.trafficPolicy.outlierDetection.minHealthPercent");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new OutlierDetectionValues(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
