package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.Optional;

/**
 * A host of a VirtualService that Istio refuses: not a DNS name (an optional leading wildcard label aside) nor an
 * IP address, or "*" on the mesh, where it would capture every service's traffic.
 */
public final class VirtualServiceHosts implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0400", Severity.ERROR, Category.SCHEMA,
            "VirtualService host is not a valid host name, or is \"*\" on the mesh").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Part spec : VirtualServiceParts.specs(context)) {
            boolean gateway = VirtualServiceParts.appliesToGateway(spec);
            boolean sni = spec.items("tls").stream().flatMap(t -> t.items("match").stream())
                    .anyMatch(m -> m.node().path("sniHosts").size() > 0);
            for (Part host : spec.items("hosts")) {
                problem(host.node().asText(""), gateway, sni).ifPresent(p -> findings.report(INFO, spec.vs(),
                        host.pointer(), p));
            }
        }
    }

    /** Whether every host of a VirtualService is valid: only then does Istio look for duplicates. */
    static boolean allValid(Part spec) {
        boolean gateway = VirtualServiceParts.appliesToGateway(spec);
        return spec.items("hosts").stream().allMatch(h -> problem(h.node().asText(""), gateway, true).isEmpty());
    }

    private static Optional<String> problem(String host, boolean gateway, boolean sni) {
        Optional<String> invalid = gateway ? boundToGateway(host, sni) : IstioValues.wildcardDomain(host);
        if (invalid.isPresent()) {
            return IstioValues.isIpAddress(host) ? Optional.empty() : invalid;
        }
        return !gateway && host.equals("*")
                ? Optional.of("wildcard host * is not allowed for virtual services bound to the mesh gateway: it would "
                        + "capture the traffic of every service; name the hosts, or bind the VirtualService to a gateway")
                : Optional.empty();
    }

    /**
     * A host of a VirtualService bound to gateways: a wildcard domain, or with TLS routes on SNI the name Istio
     * generates for AUTO_PASSTHROUGH ("outbound_.15010_._.istiod.istio-system.svc.cluster.local").
     */
    static Optional<String> boundToGateway(String host, boolean sni) {
        if (!sni || !host.startsWith("outbound_") || host.length() > 255) {
            return IstioValues.wildcardDomain(host);
        }
        String[] parts = host.split("_", -1);
        if (parts.length < 4) {
            return Optional.of("domain name " + host + " invalid, should follow 'outbound_.<PORT>_._.<HOSTNAME>' format");
        }
        String port = parts[1].replaceAll("^\\.+|\\.+$", "");
        String name = parts[3].replaceAll("^\\.+|\\.+$", "");
        if (!port.matches(".*[0-9].*")) {
            return Optional.of("domain name \"" + host + "\" invalid (label \"" + port
                    + "\" invalid). should follow outbound_.<PORT>_._.<HOSTNAME> format");
        }
        return name.matches(".*[a-zA-Z].*") ? Optional.empty() : Optional.of("domain name \"" + host
                + "\" invalid (label \"" + name + "\" invalid). should follow outbound_.<PORT>_._.<HOSTNAME> format");
    }
}
