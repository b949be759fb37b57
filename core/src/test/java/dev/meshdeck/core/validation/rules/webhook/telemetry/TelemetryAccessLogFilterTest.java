package dev.meshdeck.core.validation.rules.webhook.telemetry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class TelemetryAccessLogFilterTest {

    @Test
    void filtersAreParsedAsCel() {
        assertFindings(new TelemetryAccessLogFilter(), "webhook/telemetry/access-log-filter.yaml").containsExactly(
                "MD0646@Telemetry serverless/filters@spec.accessLogging[1].filter.expression",
                "MD0646@Telemetry serverless/filters@spec.accessLogging[2].filter");
    }
}
