package dev.meshdeck.core.validation.rules.monitoring;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * Offline, with no Services (or Pods) to check against: a ServiceMonitor or PodMonitor without a
 * {@code namespaceSelector} scrapes its own namespace only, so one kept beside Prometheus (in
 * {@code monitoring}) never reaches functions in another namespace. With the estate known, MD0806 judges it.
 */
public final class MonitorWithoutNamespaceSelector implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0807", Severity.WARNING, Category.REFERENCE,
            "ServiceMonitor/PodMonitor without namespaceSelector scrapes its own namespace only");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (MonitorScope scope : MonitorScope.ofCandidates(context)) {
            Resource monitor = scope.monitor();
            if (scope.targetsKnown(context) || scope.hasNamespaceSelector()) {
                continue;
            }
            findings.report(INFO, monitor, "/spec", monitor.kind() + " has no namespaceSelector: it scrapes only " + scope.targets()
                    + " in namespace " + monitor.namespace() + "; functions in any other namespace are never scraped"
                    + " (add spec.namespaceSelector.matchNames with the functions' namespaces)");
        }
    }
}
