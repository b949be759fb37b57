package dev.meshdeck.core.validation.rules.monitoring;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AlertWithoutSeverityTest {

    @Test
    void alertsWithoutSeverityAreWarnedButRecordingRulesAreNot() {
        assertFindings(new AlertWithoutSeverity(), "monitoring/rules.yaml").containsExactly(
                "MD0805@PrometheusRule serverless/broken@spec.groups[0].rules[2].labels",
                "MD0805@PrometheusRule serverless/broken@spec.groups[0].rules[3].alert");
    }
}
