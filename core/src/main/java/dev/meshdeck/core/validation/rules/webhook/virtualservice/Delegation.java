package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;

/**
 * Delegation as Istio allows it: a delegate VirtualService (no hosts) only carries HTTP routes and no gateways and
 * does not delegate again; a root route (one with "delegate") hands the whole request over, so it has no route or
 * redirect of its own.
 */
public final class Delegation implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0402", Severity.ERROR, Category.SEMANTIC,
            "VirtualService delegation misused (delegate with gateways or TCP/TLS routes, nested delegate, "
                    + "root route with its own route or redirect)").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Part spec : VirtualServiceParts.specs(context)) {
            boolean delegate = VirtualServiceParts.isDelegate(spec);
            if (delegate) {
                if (spec.node().path("gateways").size() > 0) {
                    findings.report(INFO, spec.vs(), "/spec/gateways", "delegate virtual service must have no gateways "
                            + "specified: a VirtualService without hosts is a delegate, and its root decides the gateways");
                }
                for (String protocol : new String[] {"tls", "tcp"}) {
                    if (spec.node().path(protocol).size() > 0) {
                        findings.report(INFO, spec.vs(), "/spec/" + protocol, "delegate virtual service must have no "
                                + protocol + " route specified: only HTTP routes can be delegated");
                    }
                }
            }
            for (Part route : spec.items("http")) {
                if (!route.has("delegate")) {
                    continue;
                }
                if (delegate) {
                    findings.report(INFO, spec.vs(), route.pointer() + "/delegate",
                            "delegate HTTP route cannot contain delegate: delegation is one level deep");
                    continue;
                }
                for (String action : new String[] {"redirect", "route"}) {
                    if (route.has(action)) {
                        findings.report(INFO, spec.vs(), route.pointer() + "/" + action, "root HTTP route "
                                + route.text("name") + " must not specify " + action
                                + ": it delegates to " + route.child("delegate").text("name") + ", which routes instead");
                    }
                }
            }
        }
    }
}
