package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class DeprecatedMirrorPercentTest {

    @Test
    void warnsAboutTheDeprecatedMirrorPercent() {
        assertFindings(new DeprecatedMirrorPercent(), "webhook/virtualservice/deprecated-mirror-percent.yaml").containsExactlyInAnyOrder(
                "MD0416@VirtualService shop/percent@spec.http[0].mirrorPercent");
    }
}
