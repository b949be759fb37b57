package dev.meshdeck.core.validation.rules.webhook.telemetry;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;

/** A metrics tag override keyed by an empty tag name: Istio accepts it with a warning, it changes no tag. */
public final class TelemetryTagOverrideName implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0645", Severity.WARNING, Category.SCHEMA,
            "Telemetry tag override with an empty tag name");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode metrics : TelemetryParts.of(context, "metrics")) {
            for (PolicyNode override : metrics.field("overrides").items()) {
                for (PolicyNode.Entry tag : override.field("tagOverrides").entries()) {
                    if (tag.key().isEmpty()) {
                        findings.report(INFO, tag.value().resource(), tag.value().pointer(), "tagOverrides.name may not "
                                + "be empty: name the metric label to set or remove, such as request_host");
                    }
                }
            }
        }
    }
}
