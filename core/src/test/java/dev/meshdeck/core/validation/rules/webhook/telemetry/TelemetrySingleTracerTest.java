package dev.meshdeck.core.validation.rules.webhook.telemetry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class TelemetrySingleTracerTest {

    @Test
    void onlyTheFirstTracerAndProviderReceiveSpans() {
        assertFindings(new TelemetrySingleTracer(), "webhook/telemetry/single-tracer.yaml").containsExactly(
                "MD0643@Telemetry serverless/tracers@spec.tracing[0].providers[1]",
                "MD0643@Telemetry serverless/tracers@spec.tracing[1]");
    }
}
