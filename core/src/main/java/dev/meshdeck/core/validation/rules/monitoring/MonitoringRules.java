package dev.meshdeck.core.validation.rules.monitoring;

import dev.meshdeck.core.validation.Rule;
import java.util.List;

/** The checks of the Prometheus Operator's ServiceMonitor, PodMonitor and PrometheusRule (MD0801-MD0807). */
public final class MonitoringRules {

    private MonitoringRules() {
    }

    public static List<Rule> rules() {
        return List.of(new PromQlSyntaxError(), new LabelMatcherRegexInvalid(), new MonitoringDurationInvalid(),
                new AlertTemplateUnbalanced(), new AlertWithoutSeverity(), new MonitorMissesTargets(),
                new MonitorWithoutNamespaceSelector());
    }
}
