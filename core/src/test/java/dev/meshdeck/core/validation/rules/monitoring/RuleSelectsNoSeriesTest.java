package dev.meshdeck.core.validation.rules.monitoring;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.monitoring.SeriesSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RuleSelectsNoSeriesTest {

    /** A Prometheus that has order-function's series (and nothing of any other function). */
    private final List<String> asked = new ArrayList<>();
    private final RuleSelectsNoSeries.SeriesCount prometheus = selector -> {
        asked.add(selector.text());
        return OptionalLong.of(selector.text().contains("order-function.serverless") ? 12 : 0);
    };

    @Test
    void aFunctionsRuleWhoseSelectorMatchesNoSeriesIsWarnedAtTheMatcher() {
        assertFindings(new RuleSelectsNoSeries(prometheus), "monitoring/no-series.yaml").containsExactly(
                "MD0808@PrometheusRule serverless/functions@spec.groups[0].rules[1].expr",
                "MD0808@PrometheusRule serverless/functions@spec.groups[0].rules[2].expr");
        assertThat(asked).as("a selector not aimed at a function is not asked about")
                .noneMatch(s -> s.startsWith("up{"))
                .contains("istio_requests_total{destination_workload=\"orders-v1\",response_code=~\"5..\"}");
    }

    @Test
    void nothingIsReportedWhenPrometheusCannotSay() {
        assertFindings(new RuleSelectsNoSeries(selector -> OptionalLong.empty()), "monitoring/no-series.yaml").isEmpty();
    }

    @Test
    void theSelectorIsWrittenBackAsPrometheusReadsIt() {
        SeriesSelector s = dev.meshdeck.core.monitoring.PromQlExpression.parse("rate(x{a=\"q\\\"uote\",b=~\"c.*\"}[1m])").selectors().get(0);
        assertThat(s.text()).isEqualTo("x{a=\"q\\\"uote\",b=~\"c.*\"}");
    }
}
