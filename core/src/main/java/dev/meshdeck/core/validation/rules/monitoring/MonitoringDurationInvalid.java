package dev.meshdeck.core.validation.rules.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.monitoring.DurationLiteral;
import dev.meshdeck.core.monitoring.PromDuration;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A duration Prometheus cannot read: a rule's {@code for}, a group's {@code interval}, a range or offset in
 * an expression ({@code [5m]}), a monitor endpoint's {@code interval} or {@code scrapeTimeout}.
 */
public final class MonitoringDurationInvalid implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0803", Severity.ERROR, Category.SCHEMA,
            "invalid Prometheus duration (for, interval, range, scrapeTimeout)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource pr : MonitoringObjects.candidates(context, "PrometheusRule")) {
            JsonNode groups = pr.spec().path("groups");
            for (int g = 0; g < groups.size(); g++) {
                field(findings, pr, "/spec/groups/" + g + "/interval", groups.get(g).path("interval"));
            }
        }
        for (MonitoringObjects.PromRule r : MonitoringObjects.rules(context)) {
            field(findings, r.owner(), r.pointer() + "/for", r.rule().path("for"));
            r.expression(context).ifPresent(e -> {
                for (DurationLiteral d : e.durations()) {
                    PromDuration.problem(d.text()).ifPresent(why -> findings.reportAt(INFO, r.owner(), r.exprPointer(),
                            r.positionIn(d.at()), why + " in the expression of " + r.describe()));
                }
            });
        }
        endpoints(context, findings, "ServiceMonitor", "endpoints");
        endpoints(context, findings, "PodMonitor", "podMetricsEndpoints");
    }

    private static void endpoints(ValidationContext context, Findings findings, String kind, String list) {
        for (Resource monitor : MonitoringObjects.candidates(context, kind)) {
            JsonNode endpoints = monitor.spec().path(list);
            for (int i = 0; i < endpoints.size(); i++) {
                for (String field : new String[] {"interval", "scrapeTimeout"}) {
                    field(findings, monitor, "/spec/" + list + "/" + i + "/" + field, endpoints.get(i).path(field));
                }
            }
        }
    }

    private static void field(Findings findings, Resource owner, String pointer, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        PromDuration.problem(text).ifPresent(why -> findings.report(INFO, owner, pointer, why));
    }
}
