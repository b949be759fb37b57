package dev.meshdeck.core.validation.rules.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.monitoring.ExpressionPosition;
import dev.meshdeck.core.monitoring.PromQlExpression;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.yaml.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Prometheus Operator objects ({@code monitoring.coreos.com}) among the candidates, and their rules. */
final class MonitoringObjects {

    static final String GROUP = "monitoring.coreos.com";

    private MonitoringObjects() {
    }

    /** One rule of a PrometheusRule; {@code pointer} is its JSON pointer ({@code /spec/groups/0/rules/1}). */
    record PromRule(Resource owner, String pointer, JsonNode rule) {

        boolean alerting() {
            return rule.has("alert");
        }

        String name() {
            return alerting() ? rule.path("alert").asText("") : rule.path("record").asText("");
        }

        String exprPointer() {
            return pointer + "/expr";
        }

        /** The parsed expression (parsed once per validation, shared by the rules that read it). */
        Optional<PromQlExpression> expression(ValidationContext context) {
            return Optional.ofNullable(context.index(Expressions.class, Expressions::of).byText.get(rule.path("expr").asText("")));
        }

        /** Where a place inside the expression is in the file: exact in a block scalar, else the expr field. */
        Optional<SourcePosition> positionIn(ExpressionPosition at) {
            return owner.document().flatMap(d -> Optional.ofNullable(d.blockScalars().get(exprPointer())))
                    // a literal block strips the same indentation from every line
                    .map(start -> new SourcePosition(start.file(), start.line() + at.line() - 1, start.column() + at.column() - 1));
        }

        /** "alert HighFunctionLatency" or "recording rule job:x:rate5m", for messages. */
        String describe() {
            return (alerting() ? "alert " : "recording rule ") + name();
        }
    }

    /** Every expression of the candidate PrometheusRules, parsed once. */
    private record Expressions(Map<String, PromQlExpression> byText) {
        static Expressions of(ValidationContext context) {
            Map<String, PromQlExpression> parsed = new HashMap<>();
            for (PromRule r : rules(context)) {
                if (r.rule().path("expr").isTextual()) {
                    parsed.computeIfAbsent(r.rule().path("expr").asText(), PromQlExpression::parse);
                }
            }
            return new Expressions(parsed);
        }
    }

    static List<Resource> candidates(ValidationContext context, String kind) {
        return context.ofKind(kind).stream().filter(r -> r.candidate() && r.group().equals(GROUP)).toList();
    }

    static List<PromRule> rules(ValidationContext context) {
        List<PromRule> found = new ArrayList<>();
        for (Resource pr : candidates(context, "PrometheusRule")) {
            JsonNode groups = pr.spec().path("groups");
            for (int g = 0; g < groups.size(); g++) {
                JsonNode rules = groups.get(g).path("rules");
                for (int r = 0; r < rules.size(); r++) {
                    found.add(new PromRule(pr, "/spec/groups/" + g + "/rules/" + r, rules.get(r)));
                }
            }
        }
        return found;
    }
}
