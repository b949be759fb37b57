package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;

/** Routing on a JWT claim ("@request.auth.claims.*") in a VirtualService for the mesh: only gateways support it. */
public final class JwtClaimRouteOffGateway implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0407", Severity.ERROR, Category.SEMANTIC,
            "JWT claim routing in a VirtualService that is not bound to a gateway").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpRoute(context, (spec, route) -> {
            if (VirtualServiceParts.appliesToGateway(spec)) {
                return;
            }
            for (Part match : route.items("match")) {
                for (String field : new String[] {"headers", "withoutHeaders"}) {
                    for (Part header : match.entries(field)) {
                        if (isJwtClaim(header.key())) {
                            findings.report(INFO, spec.vs(), header.pointer(), "JWT claim based routing (key: "
                                    + header.key() + ") is only supported for gateway, found no gateways: "
                                    + spec.node().path("gateways") + "; bind this VirtualService to an ingress gateway");
                        }
                    }
                }
            }
        });
    }

    /** Istio's routing-claim form: "@request.auth.claims.name" or "@request.auth.claims[name]". */
    static boolean isJwtClaim(String header) {
        return header.startsWith("@request.auth.claims.") || header.startsWith("@request.auth.claims[");
    }
}
