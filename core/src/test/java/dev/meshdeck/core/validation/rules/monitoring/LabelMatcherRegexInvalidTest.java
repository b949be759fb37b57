package dev.meshdeck.core.validation.rules.monitoring;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.RuleAsserter;
import org.junit.jupiter.api.Test;

class LabelMatcherRegexInvalidTest {

    @Test
    void theSeedsGlobIsReportedAtItsPlaceInTheBlockScalar() {
        assertFindings(new LabelMatcherRegexInvalid(), "monitoring/seed.yaml")
                .containsExactly("MD0802@PrometheusRule monitoring/serverless-functions@spec.groups[0].rules[0].expr");
        Finding f = RuleAsserter.run(new LabelMatcherRegexInvalid(), "monitoring/seed.yaml").get(0);
        // line 30 of the file (the expression's second line), at the opening quote of "*.serverless.svc.cluster.local"
        assertThat(f.position().orElseThrow().toString()).isEqualTo("monitoring/seed.yaml:30:84");
        assertThat(f.message()).contains("destination_service=~\"*.serverless.svc.cluster.local\"",
                "write \".*.serverless.svc.cluster.local\"");
    }

    @Test
    void everyInvalidRegexIsReportedAndValidOnesInAnyQuotingAreNot() {
        assertFindings(new LabelMatcherRegexInvalid(), "monitoring/rules.yaml").containsExactly(
                "MD0802@PrometheusRule serverless/broken@spec.groups[0].rules[5].expr",
                "MD0802@PrometheusRule serverless/broken@spec.groups[0].rules[5].expr");
        assertThat(RuleAsserter.run(new LabelMatcherRegexInvalid(), "monitoring/rules.yaml"))
                .extracting(f -> f.position().orElseThrow().column()).containsExactly(24, 56);
    }

    @Test
    void insideAListAsKubectlExportsItTheRegexIsStillPlacedInItsBlockScalar() {
        assertThat(RuleAsserter.run(new LabelMatcherRegexInvalid(), "monitoring/list.yaml"))
                .extracting(f -> f.position().orElseThrow().toString()).containsExactly("monitoring/list.yaml:14:58");
    }
}
