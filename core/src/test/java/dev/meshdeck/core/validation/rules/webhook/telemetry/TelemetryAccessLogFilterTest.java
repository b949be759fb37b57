package dev.meshdeck.core.validation.rules.webhook.telemetry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.RuleAsserter;
import org.junit.jupiter.api.Test;

class TelemetryAccessLogFilterTest {

    @Test
    void filtersAreParsedAsCel() {
        assertFindings(new TelemetryAccessLogFilter(), "webhook/telemetry/access-log-filter.yaml").containsExactly(
                "MD0646@Telemetry serverless/filters@spec.accessLogging[1].filter.expression",
                "MD0646@Telemetry serverless/filters@spec.accessLogging[2].filter");
    }

    @Test
    void theMessageNamesTheColumnWithoutTheParsersTokenList() {
        assertThat(RuleAsserter.run(new TelemetryAccessLogFilter(), "webhook/telemetry/access-log-filter.yaml").get(0))
                .extracting(Finding::message).isEqualTo("the filter must be a valid CEL expression, such as "
                        + "response.code >= 400: mismatched input '<EOF>' at column 18");
    }
}
