package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;

/** An IP address as an SNI host: Istio admits it, but SNI carries names and most clients send none for an address. */
public final class SniHostIsIpAddress implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0425", Severity.WARNING, Category.SEMANTIC,
            "TLS route matches an IP address as SNI host");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Part spec : VirtualServiceParts.specs(context)) {
            for (Part route : spec.items("tls")) {
                for (Part match : route.items("match")) {
                    for (Part sni : match.items("sniHosts")) {
                        if (TlsRoutes.isAddress(sni.node().asText(""))) {
                            findings.report(INFO, spec.vs(), sni.pointer(), "using an IP address (\""
                                    + sni.node().asText("") + "\") goes against SNI spec and most clients do not support "
                                    + "this; match the server name instead");
                        }
                    }
                }
            }
        }
    }
}
