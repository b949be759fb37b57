package dev.meshdeck.core.monitoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The CloudWatch alarms of a Lambda function's SLO, each as CloudWatch's {@code PutMetricAlarm} takes it (the
 * document {@code aws cloudwatch put-metric-alarm --cli-input-yaml} reads): p95 {@code Duration} above the p95
 * objective, and the share of {@code Errors} in {@code Invocations} (metric math, in percent) above the error-rate
 * objective, each over one-minute periods for as many periods as {@code for} lasts.
 */
public final class LambdaSloAlarms {

    static final int PERIOD_SECONDS = 60;
    private static final String NAMESPACE = "AWS/Lambda";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LambdaSloAlarms() {
    }

    /** The alarms {@code <function>-slo-p95-duration} and {@code <function>-slo-error-rate}, as the SLO asks. */
    public static List<ObjectNode> of(String function, FunctionSlo slo) {
        List<ObjectNode> alarms = new ArrayList<>();
        int periods = (int) Math.max(1, (slo.forDuration().toSeconds() + PERIOD_SECONDS - 1) / PERIOD_SECONDS);
        slo.p95().ifPresent(p95 -> {
            ObjectNode alarm = alarm(function + "-slo-p95-duration", "p95 latency of Lambda " + function + " above its SLO of "
                    + PromDuration.format(p95) + " (severity " + slo.severity().label() + ")");
            alarm.put("Namespace", NAMESPACE);
            alarm.put("MetricName", "Duration");
            dimensions(alarm.putArray("Dimensions"), function);
            alarm.put("ExtendedStatistic", "p95");
            alarm.put("Period", PERIOD_SECONDS);
            finish(alarm, periods, p95.toMillis());
            alarms.add(alarm);
        });
        slo.errorRatio().ifPresent(ratio -> {
            ObjectNode alarm = alarm(function + "-slo-error-rate", "share of failed invocations of Lambda " + function
                    + " above its SLO of " + java.math.BigDecimal.valueOf(ratio * 100).stripTrailingZeros().toPlainString()
                    + "% (severity " + slo.severity().label() + ")");
            ArrayNode metrics = alarm.putArray("Metrics");
            sum(metrics, "errors", "Errors", function);
            sum(metrics, "invocations", "Invocations", function);
            metrics.addObject().put("Id", "error_rate").put("Expression", "100 * errors / invocations")
                    .put("Label", "error rate (%)").put("ReturnData", true);
            finish(alarm, periods, ratio * 100);
            alarms.add(alarm);
        });
        return alarms;
    }

    private static ObjectNode alarm(String name, String description) {
        ObjectNode alarm = NODES.objectNode();
        alarm.put("AlarmName", name);
        alarm.put("AlarmDescription", description);
        return alarm;
    }

    private static void sum(ArrayNode metrics, String id, String metric, String function) {
        ObjectNode stat = metrics.addObject().put("Id", id).putObject("MetricStat");
        ObjectNode m = stat.putObject("Metric").put("Namespace", NAMESPACE).put("MetricName", metric);
        dimensions(m.putArray("Dimensions"), function);
        stat.put("Period", PERIOD_SECONDS).put("Stat", "Sum");
        ((ObjectNode) metrics.get(metrics.size() - 1)).put("ReturnData", false);
    }

    private static void dimensions(ArrayNode dimensions, String function) {
        dimensions.addObject().put("Name", "FunctionName").put("Value", function);
    }

    /** Broken in every period of {@code for}; no invocations is not a breach. */
    private static void finish(ObjectNode alarm, int periods, double threshold) {
        alarm.put("EvaluationPeriods", periods);
        alarm.put("DatapointsToAlarm", periods);
        alarm.put("Threshold", threshold);
        alarm.put("ComparisonOperator", "GreaterThanThreshold");
        alarm.put("TreatMissingData", "notBreaching");
    }
}
