package dev.meshdeck.core.validation.rules.monitoring;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A PrometheusRule's expression is not PromQL: Prometheus refuses to load the whole rule group, so none of
 * its alerts can fire. Reported where the error is inside the expression.
 */
public final class PromQlSyntaxError implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0801", Severity.ERROR, Category.SCHEMA,
            "PrometheusRule expression is not valid PromQL");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (MonitoringObjects.PromRule r : MonitoringObjects.rules(context)) {
            if (!r.rule().path("expr").isTextual() || r.rule().path("expr").asText().isBlank()) {
                findings.report(INFO, r.owner(), r.pointer(), r.describe() + " has no expr: Prometheus refuses the group");
                continue;
            }
            r.expression(context).flatMap(e -> e.syntaxError()).ifPresent(p -> findings.reportAt(INFO, r.owner(),
                    r.exprPointer(), r.positionIn(p.at()), "PromQL syntax error in " + r.describe() + " at line "
                            + p.at().line() + ", column " + p.at().column() + " of the expression: " + p.message()
                            + "; Prometheus refuses the whole rule group"));
        }
    }
}
