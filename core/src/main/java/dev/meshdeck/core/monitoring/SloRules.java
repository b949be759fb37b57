package dev.meshdeck.core.monitoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The PrometheusRule of a function's SLO: recording rules for its p95 latency and 5xx ratio over Istio's
 * standard metrics (as its destination proxies report them), and an alert on each objective. The recorded
 * series and the alerts carry {@code function} and {@code namespace} labels, which map alerts to functions.
 */
public final class SloRules {

    /** The rate window of the recording rules: long enough to smooth a few scrapes, short enough to page early. */
    public static final Duration WINDOW = Duration.ofMinutes(5);
    public static final String P95_RECORD = "function:istio_request_duration_milliseconds:p95_rate5m";
    public static final String ERROR_RATIO_RECORD = "function:istio_requests:error_ratio_rate5m";
    public static final String LATENCY_ALERT = "FunctionLatencySloBreached";
    public static final String ERROR_ALERT = "FunctionErrorRateSloBreached";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SloRules() {
    }

    /** The PrometheusRule {@code <function>-slo} in the function's namespace. */
    public static ObjectNode prometheusRule(FunctionSeries fn, FunctionSlo slo) {
        String name = fn.function() + "-slo";
        ObjectNode rule = NODES.objectNode();
        rule.put("apiVersion", "monitoring.coreos.com/v1");
        rule.put("kind", "PrometheusRule");
        ObjectNode metadata = rule.putObject("metadata");
        metadata.put("name", name);
        metadata.put("namespace", fn.namespace());
        metadata.putObject("labels").put("app.kubernetes.io/managed-by", "meshdeck").put("meshdeck.dev/function", fn.function());
        ObjectNode group = rule.putObject("spec").putArray("groups").addObject();
        group.put("name", name);
        ArrayNode rules = group.putArray("rules");
        String range = "[" + PromDuration.format(WINDOW) + "]";
        String selected = "{" + fn.matchers() + "}";
        String identity = "{function=\"" + fn.function() + "\",namespace=\"" + fn.namespace() + "\"}";
        slo.p95().ifPresent(p95 -> {
            record(rules, fn, P95_RECORD, "histogram_quantile(0.95, sum by (le) (rate(istio_request_duration_milliseconds_bucket"
                    + selected + range + ")))");
            alert(rules, fn, slo, LATENCY_ALERT, P95_RECORD + identity + " > " + p95.toMillis(),
                    "p95 latency of " + fn.namespace() + "/" + fn.function() + " is {{ $value | humanize }}ms, above its SLO of "
                            + PromDuration.format(p95));
        });
        slo.errorRatio().ifPresent(ratio -> {
            String errors = selected.substring(0, selected.length() - 1) + ",response_code=~\"5..\"}";
            record(rules, fn, ERROR_RATIO_RECORD, "sum(rate(istio_requests_total" + errors + range + "))"
                    + " / sum(rate(istio_requests_total" + selected + range + "))");
            alert(rules, fn, slo, ERROR_ALERT, ERROR_RATIO_RECORD + identity + " > " + ratio,
                    "{{ $value | humanizePercentage }} of the responses of " + fn.namespace() + "/" + fn.function()
                            + " are 5xx, above its SLO of " + percent(ratio));
        });
        return rule;
    }

    private static void record(ArrayNode rules, FunctionSeries fn, String record, String expr) {
        ObjectNode r = rules.addObject();
        r.put("record", record);
        r.put("expr", expr);
        labels(r, fn);
    }

    private static void alert(ArrayNode rules, FunctionSeries fn, FunctionSlo slo, String alert, String expr, String summary) {
        ObjectNode r = rules.addObject();
        r.put("alert", alert);
        r.put("expr", expr);
        r.put("for", PromDuration.format(slo.forDuration()));
        labels(r, fn).put("severity", slo.severity().label());
        r.putObject("annotations").put("summary", summary);
    }

    private static ObjectNode labels(ObjectNode rule, FunctionSeries fn) {
        return rule.putObject("labels").put("function", fn.function()).put("namespace", fn.namespace());
    }

    private static String percent(double ratio) {
        return java.math.BigDecimal.valueOf(ratio * 100).stripTrailingZeros().toPlainString() + "%";
    }
}
