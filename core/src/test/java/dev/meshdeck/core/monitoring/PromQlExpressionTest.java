package dev.meshdeck.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlExpressionTest {

    @Test
    void theSeedsQuantileParsesWithItsMatcherAndRange() {
        PromQlExpression e = PromQlExpression.parse("histogram_quantile(0.95,\n  sum(rate(istio_request_duration_milliseconds_bucket"
                + "{destination_service=~\"*.serverless.svc.cluster.local\"}[5m])) by (le)\n) > 1000");
        assertThat(e.syntaxError()).isEmpty();
        assertThat(e.matchers()).containsExactly(new LabelMatcher("destination_service", LabelMatcher.Op.REGEX,
                "*.serverless.svc.cluster.local", new ExpressionPosition(2, 76)));
        assertThat(e.durations()).containsExactly(new DurationLiteral("5m", new ExpressionPosition(2, 110)));
    }

    @Test
    void whatPrometheusAcceptsBeyondThePublishedGrammarParses() {
        // raw strings, hexadecimal/Inf/leading-dot numbers, negative offsets, a comment without a final newline
        for (String ok : new String[] {"up{job=~`a\\.b`}", "x > 0x1f", "x < Inf", "x * .5", "rate(x[5m] offset -1m)",
                "sum by (le) (rate(x[1m:10s])) # p95", "sum without (instance) (up) and on (job) group_left up"}) {
            assertThat(PromQlExpression.parse(ok).syntaxError()).as(ok).isEmpty();
        }
    }

    @Test
    void errorsArePlacedAtTheirLineAndColumn() {
        assertThat(PromQlExpression.parse("sum(rate(x[5m])\n  / 2").syntaxError().orElseThrow().at())
                .isEqualTo(new ExpressionPosition(2, 6));
        assertThat(PromQlExpression.parse("up{job=\"a\" instance=\"b\"}").syntaxError().orElseThrow().at())
                .isEqualTo(new ExpressionPosition(1, 12));
        assertThat(PromQlExpression.parse("no_such_function(up)").syntaxError()).isPresent();
    }

    @Test
    void escapedStringsAreUnquotedAsGoDoes() {
        assertThat(PromQlExpression.parse("up{job=~\".*\\\\.svc\", a=\"\\x41\\u00e9\\n\"}").matchers())
                .extracting(LabelMatcher::value).containsExactly(".*\\.svc", "Aé\n");
    }
}
