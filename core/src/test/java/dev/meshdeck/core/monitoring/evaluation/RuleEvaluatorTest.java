package dev.meshdeck.core.monitoring.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertSeverity;
import dev.meshdeck.core.monitoring.FunctionSeries;
import dev.meshdeck.core.monitoring.FunctionSlo;
import dev.meshdeck.core.monitoring.SloRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    /** The sandbox's seeded rule: p95 above 1 s for 5 minutes. */
    static final String SEED_RULE = """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata: {name: serverless-functions, namespace: istio-system}
            spec:
              groups:
                - name: serverless-functions
                  rules:
                    - alert: HighFunctionLatency
                      expr: |
                        histogram_quantile(0.95,
                          sum(rate(istio_request_duration_milliseconds_bucket{destination_service=~".*.serverless.svc.cluster.local"}[5m])) by (le, destination_service)
                        ) > 1000
                      for: 5m
                      labels: {severity: warning}
                      annotations:
                        summary: "p95 latency of {{ $labels.destination_service }} is {{ $value | humanize }}ms"
            """;

    private static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void anAlertIsPendingUntilItHeldForItsForThenFiring() throws Exception {
        SampleHistory history = PromQlEvaluatorTest.history(Duration.ofMinutes(10));
        RuleEvaluator rules = new RuleEvaluator("sandbox", history);
        rules.load(List.of(yaml(SEED_RULE)));
        Instant start = PromQlEvaluatorTest.NOW;

        rules.evaluate(start);
        assertThat(rules.alerts()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(ActiveAlert.State.PENDING);
            assertThat(a.function()).contains("serverless/orders");
            assertThat(a.severity()).isEqualTo("warning");
            assertThat(a.value()).isEqualTo(2425.0);
            assertThat(a.summary()).contains("p95 latency of orders.serverless.svc.cluster.local is 2.425kms");
        });

        rules.evaluate(start.plus(Duration.ofMinutes(4)));
        assertThat(rules.alerts()).extracting(ActiveAlert::state).containsExactly(ActiveAlert.State.PENDING);

        rules.evaluate(start.plus(Duration.ofMinutes(5)));
        assertThat(rules.alerts()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(ActiveAlert.State.FIRING);
            assertThat(a.since()).isEqualTo(start);
        });

        // no more scrapes: the rate has no points, the condition no longer holds, the alert is resolved
        rules.evaluate(start.plus(Duration.ofMinutes(11)));
        assertThat(rules.alerts()).isEmpty();
    }

    @Test
    void sloRulesRecordThenAlertOnTheRecordedSeries() throws Exception {
        JsonNode slo = new ObjectMapper().valueToTree(SloRules.prometheusRule(
                new FunctionSeries("serverless", "orders", List.of("orders.serverless.svc.cluster.local"), List.of()),
                new FunctionSlo(Optional.of(Duration.ofMillis(1000)), Optional.of(0.01), Duration.ZERO, AlertSeverity.CRITICAL)));
        RuleEvaluator rules = new RuleEvaluator("sandbox", PromQlEvaluatorTest.history());
        rules.load(List.of(slo));

        rules.evaluate(PromQlEvaluatorTest.NOW);

        assertThat(rules.rules()).allSatisfy(r -> assertThat(r.error()).isEmpty());
        assertThat(rules.alerts()).extracting(ActiveAlert::name, ActiveAlert::function, ActiveAlert::state).containsExactlyInAnyOrder(
                org.assertj.core.api.Assertions.tuple(SloRules.LATENCY_ALERT, Optional.of("serverless/orders"), ActiveAlert.State.FIRING),
                org.assertj.core.api.Assertions.tuple(SloRules.ERROR_ALERT, Optional.of("serverless/orders"), ActiveAlert.State.FIRING));
    }

    @Test
    void aRuleThatDoesNotParseIsReportedAndTheOthersStillRun() throws Exception {
        RuleEvaluator rules = new RuleEvaluator("sandbox", PromQlEvaluatorTest.history());
        rules.load(List.of(yaml(SEED_RULE.replace("for: 5m", "for: 0s")), yaml("""
                spec:
                  groups:
                    - name: broken
                      rules:
                        - {alert: Broken, expr: "sum(rate(x[5m])"}
                """)));

        rules.evaluate(PromQlEvaluatorTest.NOW);

        assertThat(rules.rules()).extracting(r -> r.rule().name(), r -> r.error().isPresent())
                .containsExactly(org.assertj.core.api.Assertions.tuple("HighFunctionLatency", false),
                        org.assertj.core.api.Assertions.tuple("Broken", true));
        assertThat(rules.alerts()).extracting(ActiveAlert::state).containsExactly(ActiveAlert.State.FIRING);
    }
}
