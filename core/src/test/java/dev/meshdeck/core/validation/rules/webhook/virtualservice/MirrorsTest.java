package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class MirrorsTest {

    @Test
    void refusesMirrorPercentagesOutsideZeroToHundred() {
        assertFindings(new Mirrors(), "webhook/virtualservice/mirrors.yaml").containsExactlyInAnyOrder(
                "MD0415@VirtualService shop/percent-over@spec.http[0].mirrorPercent",
                "MD0415@VirtualService shop/percentage-negative@spec.http[0].mirrorPercentage.value",
                "MD0415@VirtualService shop/mirrors@spec.http[0].mirrors[1].percentage.value");
    }
}
