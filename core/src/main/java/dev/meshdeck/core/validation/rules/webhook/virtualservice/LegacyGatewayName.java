package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A gateway named in the legacy "name.namespace" form, which Istio still accepts but warns about. */
public final class LegacyGatewayName implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0406", Severity.WARNING, Category.SCHEMA,
            "VirtualService gateway written in the legacy name.namespace form");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        GatewayReferences.forEach(context, (spec, gateway) -> {
            String name = gateway.node().asText("");
            if (!name.contains("/") && name.contains(".")) {
                String[] parts = name.split("\\.", -1);
                findings.report(INFO, spec.vs(), gateway.pointer(), "using legacy gatewayName format \"" + name
                        + "\"; prefer the <namespace>/<name> format: \"" + parts[1] + "/" + parts[0] + "\"");
            }
        });
    }
}
