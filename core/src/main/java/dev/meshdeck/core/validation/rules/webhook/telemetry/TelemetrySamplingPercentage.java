package dev.meshdeck.core.validation.rules.webhook.telemetry;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;

/** A tracing {@code randomSamplingPercentage} outside 0-100: Istio's webhook refuses it. */
public final class TelemetrySamplingPercentage implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0641", Severity.ERROR, Category.SCHEMA,
            "Telemetry randomSamplingPercentage outside 0-100").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode tracing : TelemetryParts.of(context, "tracing")) {
            PolicyNode percentage = tracing.field("randomSamplingPercentage");
            double value = percentage.node().asDouble(0);
            if (percentage.node().isNumber() && (value < 0 || value > 100)) {
                findings.report(INFO, percentage.resource(), percentage.pointer(), "randomSamplingPercentage must be in "
                        + "range [0.0, 100.0], found " + percentage.node().asText() + ": it is a percentage, 1 samples "
                        + "one request in a hundred");
            }
        }
    }
}
