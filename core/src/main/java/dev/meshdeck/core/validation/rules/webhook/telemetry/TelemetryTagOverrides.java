package dev.meshdeck.core.validation.rules.webhook.telemetry;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;

/**
 * A metrics override Istio's webhook refuses: a null override or tag override, an UPSERT (the default operation)
 * without a value, a REMOVE with one, or an empty {@code customMetric} match.
 */
public final class TelemetryTagOverrides implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0644", Severity.ERROR, Category.SEMANTIC,
            "Telemetry metrics override whose operation and value do not fit").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode metrics : TelemetryParts.of(context, "metrics")) {
            for (PolicyNode override : metrics.field("overrides").items()) {
                if (!override.present()) {
                    findings.report(INFO, override.resource(), override.pointer(), "overrides may not be null");
                    continue;
                }
                for (PolicyNode.Entry tag : override.field("tagOverrides").entries()) {
                    tag(tag, findings);
                }
                PolicyNode custom = override.field("match").field("customMetric");
                if (custom.present() && custom.text().isEmpty()) {
                    findings.report(INFO, custom.resource(), custom.pointer(), "customMetric may not be empty: name the "
                            + "metric, or match a standard one with metric:");
                }
            }
        }
    }

    private static void tag(PolicyNode.Entry tag, Findings findings) {
        PolicyNode o = tag.value();
        if (!o.present()) {
            findings.report(INFO, o.resource(), o.pointer(), "tagOverrides may not be null: give tag '" + tag.key()
                    + "' a value (UPSERT) or operation: REMOVE");
            return;
        }
        String operation = o.field("operation").text().isEmpty() ? "UPSERT" : o.field("operation").text();
        boolean hasValue = !o.field("value").text().isEmpty();
        if (operation.equals("UPSERT") && !hasValue) {
            findings.report(INFO, o.resource(), o.pointer(), "tagOverrides.value must be set when operation is UPSERT: "
                    + "give tag '" + tag.key() + "' a CEL expression for its value, or use operation: REMOVE");
        } else if (operation.equals("REMOVE") && hasValue) {
            findings.report(INFO, o.resource(), o.field("value").pointer(), "tagOverrides.value may only be set when "
                    + "operation is UPSERT: remove the value of tag '" + tag.key() + "' or the REMOVE");
        }
    }
}
