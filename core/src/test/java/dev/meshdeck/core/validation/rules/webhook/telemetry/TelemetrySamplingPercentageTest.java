package dev.meshdeck.core.validation.rules.webhook.telemetry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class TelemetrySamplingPercentageTest {

    @Test
    void samplingIsAPercentage() {
        assertFindings(new TelemetrySamplingPercentage(), "webhook/telemetry/sampling.yaml").containsExactly(
                "MD0641@Telemetry serverless/sampling@spec.tracing[1].randomSamplingPercentage",
                "MD0641@Telemetry serverless/sampling@spec.tracing[3].randomSamplingPercentage");
    }
}
