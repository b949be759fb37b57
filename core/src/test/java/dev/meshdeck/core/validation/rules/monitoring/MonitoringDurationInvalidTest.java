package dev.meshdeck.core.validation.rules.monitoring;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class MonitoringDurationInvalidTest {

    @Test
    void intervalsForRangesAndScrapeTimeoutsPrometheusCannotReadAreErrors() {
        assertFindings(new MonitoringDurationInvalid(), "monitoring/rules.yaml").containsExactly(
                "MD0803@PrometheusRule serverless/broken@spec.groups[0].interval",
                "MD0803@PrometheusRule serverless/broken@spec.groups[0].rules[1].expr",
                "MD0803@PrometheusRule serverless/broken@spec.groups[0].rules[1].for",
                "MD0803@ServiceMonitor serverless/fast@spec.endpoints[0].scrapeTimeout");
    }

    @Test
    void theSeedsDurationsAreValid() {
        assertFindings(new MonitoringDurationInvalid(), "monitoring/seed.yaml").isEmpty();
    }
}
