package dev.meshdeck.core.validation.rules.monitoring;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Set;
import java.util.TreeSet;

/**
 * With the Services (or Pods) known, a ServiceMonitor or PodMonitor that reaches none of them: those its
 * selector matches live outside its namespaces (a monitor in {@code monitoring} without a
 * {@code namespaceSelector} never scrapes {@code serverless}), or its selector matches nothing at all.
 */
public final class MonitorMissesTargets implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0806", Severity.ERROR, Category.REFERENCE,
            "ServiceMonitor/PodMonitor reaches none of the Services/Pods it selects");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (MonitorScope scope : MonitorScope.ofCandidates(context)) {
            Resource monitor = scope.monitor();
            String kind = monitor.kind();
            if (!scope.targetsKnown(context)) {
                continue;
            }
            Set<String> elsewhere = new TreeSet<>();
            boolean reached = false;
            for (Resource target : context.ofKind(scope.targetKind())) {
                if (scope.selects(target)) {
                    reached |= scope.covers(target.namespace());
                    elsewhere.add(target.namespace());
                }
            }
            if (reached) {
                continue;
            }
            if (elsewhere.isEmpty()) {
                findings.report(INFO, monitor, "/spec/selector", kind + " selects no " + scope.targetKind()
                        + ": Prometheus scrapes nothing for it");
            } else {
                String at = scope.hasNamespaceSelector() ? "/spec/namespaceSelector" : "/metadata/namespace";
                findings.report(INFO, monitor, at, "the " + scope.targets() + " this " + kind + " selects are in "
                        + String.join(", ", elsewhere) + ", but it only looks in " + String.join(", ", scope.namespaces())
                        + (scope.hasNamespaceSelector() ? "" : " (no namespaceSelector)")
                        + ": they are never scraped; add spec.namespaceSelector.matchNames: [" + String.join(", ", elsewhere) + "]");
            }
        }
    }
}
