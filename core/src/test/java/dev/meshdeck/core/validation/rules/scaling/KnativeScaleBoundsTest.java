package dev.meshdeck.core.validation.rules.scaling;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class KnativeScaleBoundsTest {

    @Test
    void minAboveABoundingMaxAndTargetsThatAreNoPositiveNumberAreRejected() {
        assertFindings(new KnativeScaleBounds(), "scaling/scaling.yaml").containsExactlyInAnyOrder(
                "MD0712@Service shop/search@spec.template.metadata.annotations[autoscaling.knative.dev/min-scale]",
                "MD0712@Service shop/search@spec.template.metadata.annotations[autoscaling.knative.dev/target]",
                "MD0712@Service shop/unbounded@spec.template.metadata.annotations[autoscaling.knative.dev/target]");
    }
}
