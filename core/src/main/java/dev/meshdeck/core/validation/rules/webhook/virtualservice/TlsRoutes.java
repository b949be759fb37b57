package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.Hosts;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.Optional;

/**
 * A TLS route Istio cannot serve: without a match, a match without SNI hosts, an SNI host that is not a host name or
 * that none of the VirtualService's hosts covers (the proxy would never see it).
 */
public final class TlsRoutes implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0424", Severity.ERROR, Category.SCHEMA,
            "TLS route without match or SNI hosts, or with an SNI host outside the VirtualService's hosts")
            .istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Part spec : VirtualServiceParts.specs(context)) {
            for (Part route : spec.items("tls")) {
                if (route.node().path("match").size() == 0) {
                    findings.report(INFO, spec.vs(), route.pointer(), "TLS route must have at least one match condition "
                            + "(sniHosts): TLS traffic is routed by the server name it asks for");
                }
                for (Part match : route.items("match")) {
                    if (match.node().path("sniHosts").size() == 0) {
                        findings.report(INFO, spec.vs(), match.pointer(), "TLS match must have at least one SNI host");
                    }
                    for (Part sni : match.items("sniHosts")) {
                        sniProblem(spec, sni.node().asText("")).ifPresent(p ->
                                findings.report(INFO, spec.vs(), sni.pointer(), p));
                    }
                }
            }
        }
    }

    private static Optional<String> sniProblem(Part spec, String sni) {
        // Istio judges SNI hosts as bound to a gateway unless "mesh" is among the gateways
        boolean gateway = !VirtualServiceParts.listsMesh(spec);
        Optional<String> invalid = gateway ? VirtualServiceHosts.boundToGateway(sni, true) : IstioValues.wildcardDomain(sni);
        if (invalid.isPresent()) {
            return IstioValues.isIpAddress(sni) ? Optional.empty() : invalid; // an address is SniHostIsIpAddress's
        }
        for (Part host : spec.items("hosts")) {
            if (Hosts.matches(host.node().asText(""), sni)) {
                return Optional.empty();
            }
        }
        return Optional.of("SNI host \"" + sni + "\" is not a compatible subset of any of the virtual service hosts: "
                + spec.node().path("hosts") + "; add it to hosts or correct it");
    }

    /** Whether an SNI host is an IP address that is otherwise no valid SNI. */
    static boolean isAddress(String sni) {
        return IstioValues.isIpAddress(sni) && IstioValues.wildcardDomain(sni).isPresent();
    }
}
