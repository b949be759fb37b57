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

/** A Gateway whose name is not a DNS-1123 label (no dots): istiod rejects it ("invalid gateway name"). */
public final class GatewayName implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0530", Severity.ERROR, Category.SCHEMA,
            "Gateway name is not a DNS-1123 label").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource gateway : Servers.candidates(context)) {
            if (!IstioValues.isDns1123Label(gateway.name()) && !Servers.fromGatewayApi(gateway)) {
                findings.report(INFO, gateway, "/metadata/name", "invalid gateway name \"" + gateway.name()
                        + "\": VirtualServices refer to it as <namespace>/<name>, so it must be a DNS-1123 label "
                        + "(lower-case letters, digits, '-'; no dots)");
            }
        }
    }
}
