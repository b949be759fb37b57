package dev.meshdeck.core.validation.rules.webhook.telemetry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class TelemetryCustomTagsTest {

    @Test
    void customTagsNeedANameAndAValueToRead() {
        assertFindings(new TelemetryCustomTags(), "webhook/telemetry/custom-tags.yaml").containsExactly(
                "MD0642@Telemetry serverless/tags@spec.tracing[0].customTags.missing",
                "MD0642@Telemetry serverless/tags@spec.tracing[0].customTags.team.literal",
                "MD0642@Telemetry serverless/tags@spec.tracing[0].customTags.tenant.header",
                "MD0642@Telemetry serverless/tags@spec.tracing[0].customTags.region.environment",
                "MD0642@Telemetry serverless/tags@spec.tracing[0].customTags");
    }
}
