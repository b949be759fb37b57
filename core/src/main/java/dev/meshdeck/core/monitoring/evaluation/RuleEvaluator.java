package dev.meshdeck.core.monitoring.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertValue;
import dev.meshdeck.core.monitoring.PromDuration;
import dev.meshdeck.core.monitoring.PromQlExpression;
import dev.meshdeck.core.monitoring.promql.PromQLParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule groups of PrometheusRule objects evaluated as Prometheus' rule manager does, one evaluation at a time:
 * in each group, in order, a recording rule's result is stored as a new series (so the alerts after it read it), an
 * alerting rule's series become pending alerts, firing once they have held for the rule's {@code for}, and gone when
 * they no longer hold. A rule that cannot be read or evaluated is reported with its error and skipped.
 */
public final class RuleEvaluator {

    /** One rule as loaded, its expression parsed once. */
    public record Rule(String group, boolean alerting, String name, String expr, Optional<PromQLParser.ExpressionContext> tree,
                       Duration forDuration, Map<String, String> labels, Map<String, String> annotations) {
    }

    /** A rule after the last evaluation: its error, if any, and its active alerts. */
    public record RuleState(Rule rule, Optional<String> error, List<ActiveAlert> alerts) {
    }

    private record AlertKey(String rule, Map<String, String> labels) {
    }

    private record Active(Instant since, double value) {
    }

    private static final Pattern TEMPLATE = Pattern.compile(
            "\\{\\{\\s*\\$(labels\\.([A-Za-z_][A-Za-z0-9_]*)|value)\\s*(?:\\|\\s*(humanize|humanizePercentage)\\s*)?}}");

    private final String source;
    private final SampleHistory history;
    private final PromQlEvaluator evaluator;
    private List<Rule> rules = List.of();
    private final Map<AlertKey, Active> active = new LinkedHashMap<>();
    private List<RuleState> states = List.of();

    /** @param source what alerts name as their source, e.g. the Prometheus' URL */
    public RuleEvaluator(String source, SampleHistory history) {
        this.source = source;
        this.history = history;
        this.evaluator = new PromQlEvaluator(history);
    }

    /** The rules of these PrometheusRule objects from now on; alerts of rules still there keep their since. */
    public synchronized void load(List<JsonNode> prometheusRules) {
        List<Rule> loaded = new ArrayList<>();
        for (JsonNode object : prometheusRules) {
            for (JsonNode group : object.path("spec").path("groups")) {
                for (JsonNode r : group.path("rules")) {
                    boolean alerting = r.hasNonNull("alert");
                    String expr = r.path("expr").asText("");
                    Optional<PromQLParser.ExpressionContext> tree;
                    try {
                        tree = Optional.of(PromQlExpression.syntaxTree(expr));
                    } catch (IllegalArgumentException bad) {
                        tree = Optional.empty();
                    }
                    loaded.add(new Rule(group.path("name").asText(""), alerting,
                            r.path(alerting ? "alert" : "record").asText(""), expr, tree,
                            PromDuration.parse(r.path("for").asText("0s")).orElse(Duration.ZERO),
                            strings(r.path("labels")), strings(r.path("annotations"))));
                }
            }
        }
        rules = List.copyOf(loaded);
        active.keySet().removeIf(k -> rules.stream().noneMatch(r -> r.alerting() && r.name().equals(k.rule())));
    }

    /** Evaluates every rule at {@code at}, after the history holds the scrape of that instant. */
    public synchronized void evaluate(Instant at) {
        List<RuleState> now = new ArrayList<>();
        java.util.Set<AlertKey> holding = new java.util.HashSet<>();
        for (Rule rule : rules) {
            if (rule.tree().isEmpty()) {
                now.add(new RuleState(rule, Optional.of("the expression does not parse"), List.of()));
                continue;
            }
            List<Sample> result;
            try {
                Value v = evaluator.evaluate(rule.tree().get(), at);
                result = v instanceof Value.Vector vector ? vector.samples()
                        : v instanceof Value.Scalar s ? List.of(new Sample(Map.of(), s.value())) : null;
                if (result == null) {
                    throw new IllegalArgumentException("a rule must give an instant vector, not a range");
                }
            } catch (IllegalArgumentException e) {
                now.add(new RuleState(rule, Optional.of(e.getMessage()), List.of()));
                continue;
            }
            if (!rule.alerting()) {
                List<Sample> recorded = result.stream().map(s -> {
                    Map<String, String> labels = new TreeMap<>(s.labels());
                    labels.putAll(rule.labels());
                    labels.put(Sample.NAME, rule.name());
                    return new Sample(labels, s.value());
                }).toList();
                history.add(at, recorded);
                now.add(new RuleState(rule, Optional.empty(), List.of()));
                continue;
            }
            List<ActiveAlert> alerts = new ArrayList<>();
            for (Sample s : result) {
                Map<String, String> labels = new TreeMap<>(Counters.withoutName(s.labels()));
                labels.putAll(rule.labels());
                labels.put("alertname", rule.name());
                AlertKey key = new AlertKey(rule.name(), labels);
                holding.add(key);
                Active a = new Active(active.containsKey(key) ? active.get(key).since() : at, s.value());
                active.put(key, a);
                boolean firing = !Duration.between(a.since(), at).minus(rule.forDuration()).isNegative();
                String summary = expand(rule.annotations().getOrDefault("summary", ""), labels, s.value());
                alerts.add(new ActiveAlert(source, ActiveAlert.functionOf(labels), rule.name(), labels.getOrDefault("severity", ""),
                        firing ? ActiveAlert.State.FIRING : ActiveAlert.State.PENDING, a.since(), s.value(), labels,
                        summary.isEmpty() ? Optional.empty() : Optional.of(summary)));
            }
            now.add(new RuleState(rule, Optional.empty(), alerts));
        }
        // an alert whose series no longer holds is resolved: it starts pending again if it comes back
        active.keySet().retainAll(holding);
        states = List.copyOf(now);
    }

    /** Every rule with its state after the last evaluation. */
    public synchronized List<RuleState> rules() {
        return states;
    }

    /** The alerts pending or firing after the last evaluation. */
    public synchronized List<ActiveAlert> alerts() {
        return states.stream().flatMap(s -> s.alerts().stream()).toList();
    }

    /** The PromQL evaluator over the same history, for instant queries. */
    public PromQlEvaluator queries() {
        return evaluator;
    }

    /** Expands the templates alert annotations use most: {@code $labels.x}, {@code $value}, humanized or not. */
    static String expand(String template, Map<String, String> labels, double value) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text;
            if (m.group(2) != null) {
                text = labels.getOrDefault(m.group(2), "");
            } else if ("humanize".equals(m.group(3))) {
                text = humanize(value);
            } else if ("humanizePercentage".equals(m.group(3))) {
                text = AlertValue.text(value * 100) + "%";
            } else {
                text = Double.toString(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Prometheus' humanize: four significant digits with a k/M/G/T prefix from 1000 up. */
    private static String humanize(double v) {
        String[] prefixes = {"", "k", "M", "G", "T"};
        int p = 0;
        while (Math.abs(v) >= 1000 && p < prefixes.length - 1) {
            v /= 1000;
            p++;
        }
        return AlertValue.text(v) + prefixes[p];
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** Lower-case state names as Prometheus' API writes them. */
    public static String apiState(ActiveAlert.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
