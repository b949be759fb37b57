package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class FailoverWithoutOutlierDetectionTest {

    @Test
    void warnsAboutFailoverThatNothingTriggers() {
        assertFindings(new FailoverWithoutOutlierDetection(), "webhook/destinationrule/locality.yaml").containsExactlyInAnyOrder(
                "MD0513@DestinationRule shop/failovers@spec.trafficPolicy.loadBalancer.localityLbSetting",
                "MD0513@DestinationRule shop/zone-aware@spec.trafficPolicy.loadBalancer.zoneAwareLbSetting");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new FailoverWithoutOutlierDetection(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
