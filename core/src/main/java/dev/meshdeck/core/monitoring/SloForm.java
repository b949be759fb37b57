package dev.meshdeck.core.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.monitoring.promql.PromQLParser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SLO editor's state for one function, headless and immutable: the fields as typed (p95 latency, error rate,
 * for, severity), each field's problem, and the PrometheusRule they make ({@link SloRules}). It starts from the
 * function's existing SLO rule when there is one, read back from the rule's own alerts.
 *
 * @param p95       e.g. "1000ms", "" for none
 * @param errorRate e.g. "1%", "" for none
 * @param forText   e.g. "5m"
 */
public record SloForm(String p95, String errorRate, String forText, AlertSeverity severity) {

    /** The field names {@link #problems()} uses. */
    public static final String P95 = "p95", ERROR_RATE = "error rate", FOR = "for";

    /** What a function without an SLO rule starts with: the seed's 1 s p95, no error objective, 5 m, warning. */
    public static final SloForm NEW = new SloForm("1000ms", "", "5m", AlertSeverity.WARNING);

    /** The form of an existing rule's objectives. */
    public static SloForm of(FunctionSlo slo) {
        return new SloForm(slo.p95().map(PromDuration::format).orElse(""),
                slo.errorRatio().map(r -> java.math.BigDecimal.valueOf(r * 100).stripTrailingZeros().toPlainString() + "%").orElse(""),
                PromDuration.format(slo.forDuration()), slo.severity());
    }

    public SloForm withP95(String value) {
        return new SloForm(value, errorRate, forText, severity);
    }

    public SloForm withErrorRate(String value) {
        return new SloForm(p95, value, forText, severity);
    }

    public SloForm withFor(String value) {
        return new SloForm(p95, errorRate, value, severity);
    }

    public SloForm withSeverity(AlertSeverity value) {
        return new SloForm(p95, errorRate, forText, value);
    }

    /** Each field's problem, by field name; empty when the form makes a rule. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (p95.isBlank() && errorRate.isBlank()) {
            problems.put(P95, "give a p95 latency or an error rate (or both)");
        }
        // each objective checked alone, so that its problem is said on its own field
        check(problems, P95, !p95.isBlank(), () -> new FunctionSlo(Optional.of(FunctionSlo.parseDuration(p95)), Optional.empty(),
                Duration.ZERO, severity));
        check(problems, ERROR_RATE, !errorRate.isBlank(), () -> new FunctionSlo(Optional.empty(),
                Optional.of(FunctionSlo.parsePercent(errorRate)), Duration.ZERO, severity));
        check(problems, FOR, true, () -> FunctionSlo.parseDuration(forText));
        return problems;
    }

    /** Runs {@code parse} when the field is given, and keeps its error as the field's problem. */
    private static void check(Map<String, String> problems, String field, boolean given, Runnable parse) {
        if (given) {
            try {
                parse.run();
            } catch (IllegalArgumentException e) {
                problems.put(field, e.getMessage());
            }
        }
    }

    /**
     * The objectives typed.
     *
     * @throws IllegalArgumentException naming what is wrong, when {@link #problems()} is not empty
     */
    public FunctionSlo slo() {
        return new FunctionSlo(p95.isBlank() ? Optional.empty() : Optional.of(FunctionSlo.parseDuration(p95)),
                errorRate.isBlank() ? Optional.empty() : Optional.of(FunctionSlo.parsePercent(errorRate)),
                FunctionSlo.parseDuration(forText), severity);
    }

    /** The PrometheusRule {@code <function>-slo} these objectives make for the function's series. */
    public ObjectNode rule(FunctionSeries series) {
        return SloRules.prometheusRule(series, slo());
    }

    /**
     * The objectives of a PrometheusRule {@link SloRules} wrote, read from its alerts ({@code ... > 1000} for the
     * p95 in ms, {@code ... > 0.01} for the error ratio); empty when it has neither alert.
     */
    public static Optional<FunctionSlo> existing(JsonNode prometheusRule) {
        Optional<Duration> p95 = Optional.empty();
        Optional<Double> ratio = Optional.empty();
        Duration forDuration = Duration.ofMinutes(5);
        AlertSeverity severity = AlertSeverity.WARNING;
        for (JsonNode group : prometheusRule.path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText("");
                if (!alert.equals(SloRules.LATENCY_ALERT) && !alert.equals(SloRules.ERROR_ALERT)) {
                    continue;
                }
                Optional<Double> threshold = threshold(rule.path("expr").asText(""));
                if (threshold.isEmpty()) {
                    continue;
                }
                if (alert.equals(SloRules.LATENCY_ALERT)) {
                    p95 = Optional.of(Duration.ofNanos(Math.round(threshold.get() * 1_000_000)));
                } else {
                    ratio = threshold;
                }
                forDuration = PromDuration.parse(rule.path("for").asText("0s")).orElse(forDuration);
                try {
                    severity = AlertSeverity.of(rule.path("labels").path("severity").asText(""));
                } catch (IllegalArgumentException unknown) {
                    // a team's own severity: the editor offers ours, starting from warning
                }
            }
        }
        return p95.isEmpty() && ratio.isEmpty() ? Optional.empty() : Optional.of(new FunctionSlo(p95, ratio, forDuration, severity));
    }

    /** The number an alert compares its series with: the right side of {@code series > N}. */
    private static Optional<Double> threshold(String expr) {
        PromQLParser.VectorOperationContext op;
        try {
            op = PromQlExpression.syntaxTree(expr).vectorOperation();
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        if (op.compareOp() == null || op.compareOp().GT() == null) {
            return Optional.empty();
        }
        PromQLParser.VectorContext right = op.vectorOperation(1).vector();
        if (right == null || right.literal() == null || right.literal().NUMBER() == null) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(right.literal().NUMBER().getText()));
    }
}
