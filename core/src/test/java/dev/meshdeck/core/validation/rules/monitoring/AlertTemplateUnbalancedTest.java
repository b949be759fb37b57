package dev.meshdeck.core.validation.rules.monitoring;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AlertTemplateUnbalancedTest {

    @Test
    void anUnclosedAndAnUnopenedActionAreErrorsInLabelsAndAnnotations() {
        assertFindings(new AlertTemplateUnbalanced(), "monitoring/rules.yaml").containsExactly(
                "MD0804@PrometheusRule serverless/broken@spec.groups[0].rules[4].labels.function",
                "MD0804@PrometheusRule serverless/broken@spec.groups[0].rules[4].annotations.summary");
    }

    @Test
    void theSeedsSummaryTemplateIsBalanced() {
        assertFindings(new AlertTemplateUnbalanced(), "monitoring/seed.yaml").isEmpty();
    }
}
