package dev.meshdeck.core.validation.rules.webhook.telemetry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class TelemetryProviderNameTest {

    @Test
    void everyProviderReferenceHasAName() {
        assertFindings(new TelemetryProviderName(), "webhook/telemetry/provider-name.yaml").containsExactly(
                "MD0640@Telemetry serverless/providers@spec.metrics[0].providers[1]",
                "MD0640@Telemetry serverless/providers@spec.tracing[0].providers[0]");
    }
}
