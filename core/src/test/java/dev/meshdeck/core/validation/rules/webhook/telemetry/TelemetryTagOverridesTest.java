package dev.meshdeck.core.validation.rules.webhook.telemetry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class TelemetryTagOverridesTest {

    @Test
    void upsertNeedsAValueAndRemoveNone() {
        assertFindings(new TelemetryTagOverrides(), "webhook/telemetry/tag-overrides.yaml").containsExactly(
                "MD0644@Telemetry serverless/overrides@spec.metrics[0].overrides[0].tagOverrides.default_upsert",
                "MD0644@Telemetry serverless/overrides@spec.metrics[0].overrides[0].tagOverrides.removed_with_value.value",
                "MD0644@Telemetry serverless/overrides@spec.metrics[0].overrides[0].tagOverrides.nothing",
                "MD0644@Telemetry serverless/overrides@spec.metrics[0].overrides[1].match.customMetric",
                "MD0644@Telemetry serverless/overrides@spec.metrics[0].overrides[2]");
    }
}
