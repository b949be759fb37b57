package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServiceEntrySelectorIgnoredTest {

    @Test
    void warnsAboutSelectorsWithoutLabelsOrWithResolutionNone() {
        assertFindings(new ServiceEntrySelectorIgnored(), "webhook/serviceentry/selector-ignored.yaml").containsExactlyInAnyOrder(
                "MD0566@ServiceEntry payments/no-labels@spec.workloadSelector",
                "MD0566@ServiceEntry payments/resolution-none@spec.workloadSelector");
    }
}
