package dev.meshdeck.core.validation.rules.monitoring;

import dev.meshdeck.core.monitoring.LabelMatcher;
import dev.meshdeck.core.monitoring.SeriesSelector;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;
import java.util.OptionalLong;

/**
 * A rule aimed at a function that selects none of its series in the cluster's Prometheus: a selector with
 * {@code destination_service} or {@code destination_workload} matchers for which {@code count(<selector>)} is empty,
 * so the alert can never fire (a misspelt host, the wrong namespace, a workload renamed). Only run with a Prometheus
 * ({@code validate --context}); a series that appears later makes it pass, hence a warning.
 */
public final class RuleSelectsNoSeries implements Rule {

    public static final RuleInfo INFO = RuleInfo.of("MD0808", Severity.WARNING, Category.REFERENCE,
            "rule selects no series of its function in the cluster's Prometheus (with --context)");

    /** How many series a selector selects now; empty when Prometheus could not say (then nothing is reported). */
    @FunctionalInterface
    public interface SeriesCount {
        OptionalLong of(SeriesSelector selector);
    }

    private final SeriesCount prometheus;

    public RuleSelectsNoSeries(SeriesCount prometheus) {
        this.prometheus = prometheus;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (MonitoringObjects.PromRule r : MonitoringObjects.rules(context)) {
            r.expression(context).ifPresent(e -> {
                for (SeriesSelector s : e.selectors()) {
                    List<LabelMatcher> aimed = s.matchers().stream()
                            .filter(m -> m.label().equals("destination_service") || m.label().equals("destination_workload")).toList();
                    if (aimed.isEmpty() || prometheus.of(s).orElse(-1) != 0) {
                        continue;
                    }
                    findings.reportAt(INFO, r.owner(), r.exprPointer(), r.positionIn(aimed.get(0).valueAt()),
                            r.describe() + " selects no series: count(" + s.text() + ") is empty in the cluster's Prometheus;"
                                    + " check the " + aimed.get(0).label() + " value against what the function's proxies report"
                                    + " (meshdeck monitors --function F shows which rules select it)");
                }
            });
        }
    }
}
