package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * What an HTTP route does with a request, as Istio allows it: exactly one of route, redirect or directResponse;
 * no fault or rewrite beside a redirect or direct response; mirror or mirrors, not both. Root routes (with a
 * delegate) are {@link Delegation}'s.
 */
public final class RouteActions implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0403", Severity.ERROR, Category.SEMANTIC,
            "HTTP route combines actions that exclude each other (route, redirect, directResponse, fault, rewrite, "
                    + "mirror/mirrors) or has none").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpRoute(context, (spec, route) -> {
            if (route.has("delegate") && !VirtualServiceParts.isDelegate(spec)) {
                return;
            }
            boolean routes = route.node().path("route").size() > 0;
            String answer = route.has("redirect") ? "redirect" : route.has("directResponse") ? "directResponse" : null;
            if (answer != null) {
                for (String other : new String[] {"route", "fault", "rewrite", "directResponse"}) {
                    boolean present = other.equals("route") ? routes : route.has(other);
                    if (present && !other.equals(answer)) {
                        findings.report(INFO, spec.vs(), route.pointer() + "/" + other, "HTTP route cannot contain both "
                                + other + " and " + answer + ": a " + answer + " answers the request itself");
                    }
                }
            } else if (!routes) {
                findings.report(INFO, spec.vs(), route.pointer(), "HTTP route, redirect or direct_response is required: "
                        + "this rule says where matching requests go, so give it a route (or a redirect or directResponse)");
            }
            if (route.has("mirror") && route.node().path("mirrors").size() > 0) {
                findings.report(INFO, spec.vs(), route.pointer() + "/mirrors",
                        "HTTP route cannot contain both mirror and mirrors: move the mirror into mirrors");
            }
        });
    }
}
