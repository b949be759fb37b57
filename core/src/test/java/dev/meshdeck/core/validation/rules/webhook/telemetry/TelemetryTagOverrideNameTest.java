package dev.meshdeck.core.validation.rules.webhook.telemetry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class TelemetryTagOverrideNameTest {

    @Test
    void aTagOverrideWithoutNameIsAWarning() {
        assertFindings(new TelemetryTagOverrideName(), "webhook/telemetry/tag-override-name.yaml").containsExactly(
                "MD0645@Telemetry serverless/overrides@spec.metrics[0].overrides[0].tagOverrides");
    }
}
