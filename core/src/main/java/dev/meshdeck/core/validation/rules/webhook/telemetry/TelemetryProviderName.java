package dev.meshdeck.core.validation.rules.webhook.telemetry;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;

/**
 * A Telemetry provider reference without a name. Istio's webhook refuses it; whether a named provider exists is
 * judged against the mesh config, which offline validation does not have, so names themselves are not checked.
 */
public final class TelemetryProviderName implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0640", Severity.ERROR, Category.SCHEMA,
            "Telemetry provider without a name").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (String section : TelemetryParts.SECTIONS) {
            for (PolicyNode part : TelemetryParts.of(context, section)) {
                for (PolicyNode provider : part.field("providers").items()) {
                    if (provider.field("name").text().isEmpty()) {
                        findings.report(INFO, provider.resource(), provider.pointer(), "providers.name may not be empty: "
                                + "name one of the mesh config's extensionProviders (or a built-in such as prometheus)");
                    }
                }
            }
        }
    }
}
