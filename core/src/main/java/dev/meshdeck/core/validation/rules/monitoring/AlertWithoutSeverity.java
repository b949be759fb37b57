package dev.meshdeck.core.validation.rules.monitoring;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** An alert without a {@code severity} label: Alertmanager routes and MeshDeck's graph grade alerts by it. */
public final class AlertWithoutSeverity implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0805", Severity.WARNING, Category.SEMANTIC,
            "alert has no severity label");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (MonitoringObjects.PromRule r : MonitoringObjects.rules(context)) {
            if (r.alerting() && r.rule().path("labels").path("severity").asText("").isBlank()) {
                String at = r.rule().has("labels") ? r.pointer() + "/labels" : r.pointer() + "/alert";
                findings.report(INFO, r.owner(), at, r.describe() + " has no severity label: add labels.severity"
                        + " (critical, warning or info) so that it is routed and graded");
            }
        }
    }
}
