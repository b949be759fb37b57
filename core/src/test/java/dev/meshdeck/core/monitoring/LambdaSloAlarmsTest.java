package dev.meshdeck.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LambdaSloAlarmsTest {

    @Test
    void p95AndErrorRateBecomeADurationAlarmAndAMetricMathAlarmOverTheForPeriods() {
        List<ObjectNode> alarms = LambdaSloAlarms.of("invoice-pdf",
                new FunctionSlo(Optional.of(Duration.ofMillis(1000)), Optional.of(0.01), Duration.ofMinutes(5), AlertSeverity.WARNING));
        assertThat(alarms).hasSize(2);
        ObjectNode p95 = alarms.get(0);
        assertThat(p95.path("AlarmName").asText()).isEqualTo("invoice-pdf-slo-p95-duration");
        assertThat(p95.path("MetricName").asText()).isEqualTo("Duration");
        assertThat(p95.path("ExtendedStatistic").asText()).isEqualTo("p95");
        assertThat(p95.path("Dimensions").get(0).path("Value").asText()).isEqualTo("invoice-pdf");
        assertThat(p95.path("Threshold").asDouble()).isEqualTo(1000);
        assertThat(p95.path("EvaluationPeriods").asInt()).isEqualTo(5);
        ObjectNode errors = alarms.get(1);
        assertThat(errors.path("Threshold").asDouble()).isEqualTo(1);
        assertThat(errors.at("/Metrics/2/Expression").asText()).isEqualTo("100 * errors / invocations");
        assertThat(errors.at("/Metrics/0/MetricStat/Metric/MetricName").asText()).isEqualTo("Errors");
        assertThat(errors.at("/Metrics/0/ReturnData").asBoolean()).isFalse();
        assertThat(errors.at("/Metrics/2/ReturnData").asBoolean()).isTrue();
    }

    @Test
    void aShortForStillEvaluatesOneWholeMinute() {
        assertThat(LambdaSloAlarms.of("f", new FunctionSlo(Optional.of(Duration.ofMillis(200)), Optional.empty(), Duration.ZERO,
                AlertSeverity.CRITICAL))).singleElement().satisfies(a -> assertThat(a.path("EvaluationPeriods").asInt()).isEqualTo(1));
    }
}
