package dev.meshdeck.core.validation.rules.webhook.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;

/**
 * A Sidecar's outboundTrafficPolicy.egressProxy that Istio rejects: set without mode ALLOW_ANY (only unknown
 * destinations go to the proxy), a host that is no FQDN, no port, or a subset that is no DNS label.
 */
public final class SidecarEgressProxy extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0588", Severity.ERROR, Category.SEMANTIC,
            "Sidecar egress proxy misconfigured").istio("IST0106");

    private static final String AT = "/spec/outboundTrafficPolicy/egressProxy";

    public SidecarEgressProxy() {
        super(INFO, "Sidecar");
    }

    @Override
    protected void check(Resource sidecar, Findings findings) {
        JsonNode policy = sidecar.spec().path("outboundTrafficPolicy");
        JsonNode proxy = policy.path("egressProxy");
        if (!proxy.isObject()) {
            return;
        }
        String mode = policy.path("mode").asText("REGISTRY_ONLY");
        if (!mode.equals("ALLOW_ANY")) {
            findings.report(INFO, sidecar, AT, "egressProxy is used only with outboundTrafficPolicy mode ALLOW_ANY, "
                    + "not " + mode + ": set mode: ALLOW_ANY or remove the egressProxy");
            return;
        }
        IstioValues.fqdn(proxy.path("host").asText(""))
                .ifPresent(problem -> findings.report(INFO, sidecar, AT + "/host", "egressProxy host: " + problem));
        if (!proxy.path("port").isObject()) {
            findings.report(INFO, sidecar, AT, "egressProxy needs a port (port.number)");
            return;
        }
        String subset = proxy.path("subset").asText("");
        if (!subset.isEmpty() && !IstioValues.isDns1123Label(subset)) {
            findings.report(INFO, sidecar, AT + "/subset", "subset name \"" + subset + "\" is not a DNS label");
        }
        IstioValues.port(proxy.path("port").path("number").asLong(0))
                .ifPresent(problem -> findings.report(INFO, sidecar, AT + "/port/number", problem));
    }
}
