package dev.meshdeck.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Rules;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.ValidationInput;
import dev.meshdeck.core.validation.Validator;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SloRulesTest {

    private static final FunctionSeries ORDER = new FunctionSeries("serverless", "order-function",
            List.of("order-function.serverless.svc.cluster.local", "order-function-v1.serverless.svc.cluster.local"),
            List.of("order-function-v1"));
    private static final FunctionSlo SLO = new FunctionSlo(Optional.of(Duration.ofMillis(1000)), Optional.of(0.01),
            Duration.ofMinutes(5), AlertSeverity.WARNING);

    @Test
    void recordingRulesSelectTheFunctionsOwnSeriesAndAlertsReadThem() {
        JsonNode rules = SloRules.prometheusRule(ORDER, SLO).at("/spec/groups/0/rules");
        assertThat(rules.get(0).path("expr").asText()).isEqualTo("histogram_quantile(0.95, sum by (le) (rate("
                + "istio_request_duration_milliseconds_bucket{reporter=\"destination\",destination_service=~\"order-function\\\\.serverless"
                + "\\\\.svc\\\\.cluster\\\\.local|order-function-v1\\\\.serverless\\\\.svc\\\\.cluster\\\\.local\","
                + "destination_workload=\"order-function-v1\"}[5m])))");
        assertThat(rules.get(1).path("expr").asText())
                .isEqualTo(SloRules.P95_RECORD + "{function=\"order-function\",namespace=\"serverless\"} > 1000");
        assertThat(rules.get(1).path("for").asText()).isEqualTo("5m");
        assertThat(rules.get(1).at("/labels/severity").asText()).isEqualTo("warning");
        assertThat(rules.get(3).path("expr").asText()).endsWith(" > 0.01");
        assertThat(rules.get(3).at("/annotations/summary").asText()).endsWith("above its SLO of 1%");
    }

    @Test
    void theGeneratedRuleHasNoFindingFromMeshDecksOwnRules() {
        ValidationInput input = new ValidationInput().addText("slo.yaml", YamlRenderer.render(SloRules.prometheusRule(ORDER, SLO)));
        List<Finding> findings = new Validator(Rules.defaults()).validate(new ValidationContext(input.resources(), false));
        assertThat(findings).filteredOn(f -> f.severity() != Severity.INFO).extracting(Finding::toCompilerLine).isEmpty();
        // the regex of the destination_service matcher was checked, not skipped
        assertThat(PromQlExpression.parse(SloRules.prometheusRule(ORDER, SLO).at("/spec/groups/0/rules/0/expr").asText())
                .matchers()).extracting(LabelMatcher::value).contains(
                        "order-function\\.serverless\\.svc\\.cluster\\.local|order-function-v1\\.serverless\\.svc\\.cluster\\.local");
    }

    @Test
    void percentagesAndDurationsAreReadAsTheSreWritesThem() {
        assertThat(FunctionSlo.parsePercent("1%")).isEqualTo(0.01);
        assertThat(FunctionSlo.parsePercent("0.5 %")).isEqualTo(0.005);
        assertThat(FunctionSlo.parseDuration("1000ms")).isEqualTo(Duration.ofSeconds(1));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> FunctionSlo.parseDuration("1 sec")))
                .hasMessageContaining("not a duration");
    }
}
