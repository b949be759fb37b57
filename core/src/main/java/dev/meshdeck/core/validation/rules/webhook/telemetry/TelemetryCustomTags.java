package dev.meshdeck.core.validation.rules.webhook.telemetry;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;

/**
 * A tracing custom tag Istio's webhook refuses: without a name, without a value ({@code tag: null}), or a
 * literal without value, a header or environment tag without the name to read.
 */
public final class TelemetryCustomTags implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0642", Severity.ERROR, Category.SCHEMA,
            "Telemetry tracing custom tag without name or value").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode tracing : TelemetryParts.of(context, "tracing")) {
            for (PolicyNode.Entry tag : tracing.field("customTags").entries()) {
                PolicyNode value = tag.value();
                if (tag.key().isEmpty()) {
                    findings.report(INFO, value.resource(), value.pointer(), "tag name may not be empty");
                }
                if (!value.present()) {
                    findings.report(INFO, value.resource(), value.pointer(), "tag '" + tag.key() + "' may not have a "
                            + "nil value: give it a literal, header or environment");
                    continue;
                }
                missing(value, "literal", "value", findings);
                missing(value, "header", "name", findings);
                missing(value, "environment", "name", findings);
            }
        }
    }

    private static void missing(PolicyNode tag, String type, String field, Findings findings) {
        PolicyNode source = tag.field(type);
        if (source.present() && source.field(field).text().isEmpty()) {
            findings.report(INFO, tag.resource(), source.pointer(), type + " tag " + field + " may not be empty");
        }
    }
}
