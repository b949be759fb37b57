package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.Locale;

/** A VirtualService without any route, or a TCP/TLS route without destinations. */
public final class RoutesRequired implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0404", Severity.ERROR, Category.SCHEMA,
            "VirtualService has no http, tcp or tls route, or a TCP/TLS route has no destination").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Part spec : VirtualServiceParts.specs(context)) {
            if (spec.node().path("http").size() == 0 && spec.node().path("tcp").size() == 0
                    && spec.node().path("tls").size() == 0) {
                findings.report(INFO, spec.vs(), "/spec", "http, tcp or tls must be provided in virtual service: "
                        + "without a route it sends its hosts' traffic nowhere");
            }
            for (String protocol : new String[] {"tcp", "tls"}) {
                for (Part route : spec.items(protocol)) {
                    if (route.node().path("route").size() == 0) {
                        findings.report(INFO, spec.vs(), route.pointer(), protocol.toUpperCase(Locale.ROOT)
                                + " route is required: name the destination of this rule under route");
                    }
                }
            }
        }
    }
}
