package dev.meshdeck.core.validation.rules.webhook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;

/** A Gateway without servers: it opens no port, and istiod rejects it. */
public final class GatewayWithoutServers implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0531", Severity.ERROR, Category.SCHEMA,
            "Gateway has no server").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource gateway : Servers.candidates(context)) {
            if (gateway.spec().path("servers").size() == 0) {
                findings.report(INFO, gateway, "/spec", "gateway must have at least one server: add spec.servers "
                        + "with the port and hosts it accepts");
            }
        }
    }
}
