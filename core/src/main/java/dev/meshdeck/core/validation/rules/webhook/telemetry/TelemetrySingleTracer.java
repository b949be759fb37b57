package dev.meshdeck.core.validation.rules.webhook.telemetry;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.List;

/**
 * More than one tracing entry, or more than one provider in one: Istio accepts them with a warning but uses only
 * the first, so the others silently receive no spans.
 */
public final class TelemetrySingleTracer implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0643", Severity.WARNING, Category.SEMANTIC,
            "Telemetry with several tracing entries or tracing providers");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode spec : PolicyNode.specs(context, "Telemetry")) {
            List<PolicyNode> tracing = spec.field("tracing").items();
            if (tracing.size() > 1) {
                findings.report(INFO, spec.resource(), tracing.get(1).pointer(), "multiple tracing is not currently "
                        + "supported: only the first tracing entry takes effect; merge them into one");
            }
        }
        for (PolicyNode tracing : TelemetryParts.of(context, "tracing")) {
            List<PolicyNode> providers = tracing.field("providers").items();
            if (providers.size() > 1) {
                findings.report(INFO, tracing.resource(), providers.get(1).pointer(), "multiple providers is not "
                        + "currently supported: spans go to the first provider only");
            }
        }
    }
}
