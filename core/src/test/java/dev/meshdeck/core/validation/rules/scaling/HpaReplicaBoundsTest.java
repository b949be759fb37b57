package dev.meshdeck.core.validation.rules.scaling;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class HpaReplicaBoundsTest {

    @Test
    void minAboveMaxMinBelowOneAndAZeroTargetAreRejected() {
        assertFindings(new HpaReplicaBounds(), "scaling/scaling.yaml").containsExactlyInAnyOrder(
                "MD0711@HorizontalPodAutoscaler shop/checkout@spec.maxReplicas",
                "MD0711@HorizontalPodAutoscaler shop/checkout@spec.metrics[0].resource.target.averageUtilization",
                "MD0711@HorizontalPodAutoscaler shop/ledger@spec.minReplicas");
    }
}
