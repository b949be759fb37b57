package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A match attribute of an HTTP, TCP or TLS route that Istio refuses: a header name that is no HTTP token, a port
 * outside 1..65535, a source label that is no Kubernetes label, a source namespace that is no DNS label, a
 * destination subnet that is no IP or CIDR block.
 */
public final class MatchAttributes implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0409", Severity.ERROR, Category.SCHEMA,
            "route match has an invalid header name, port, source label, source namespace or subnet").istio("IST0106");

    /** The HTTP/2 pseudo-headers a match may name. */
    private static final Set<String> PSEUDO_HEADERS = Set.of(":method", ":scheme", ":authority", ":path", ":status");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachMatch(context, (protocol, match) -> {
            if (protocol.equals("http")) {
                for (String field : new String[] {"headers", "withoutHeaders"}) {
                    for (Part header : match.entries(field)) {
                        headerName(header.key()).ifPresent(p -> findings.report(INFO, match.vs(), header.pointer(), p));
                    }
                }
                String namespace = match.text("sourceNamespace");
                // Istio's DNS label here takes upper case too
                if (!namespace.isEmpty() && !IstioValues.isDns1123Label(namespace.toLowerCase(Locale.ROOT))) {
                    findings.report(INFO, match.vs(), match.pointer() + "/sourceNamespace",
                            "sourceNamespace match " + namespace + " is invalid: a namespace is a DNS label");
                }
            } else {
                for (Part subnet : match.items("destinationSubnets")) {
                    IstioValues.ipSubnet(subnet.node().asText("")).ifPresent(p -> findings.report(INFO, match.vs(),
                            subnet.pointer(), p));
                }
            }
            long port = match.node().path("port").asLong(0);
            if (port != 0) {
                IstioValues.port(port).ifPresent(p -> findings.report(INFO, match.vs(), match.pointer() + "/port", p));
            }
            for (Part label : match.entries("sourceLabels")) {
                IstioValues.label(label.key(), label.node().asText(""))
                        .ifPresent(p -> findings.report(INFO, match.vs(), label.pointer(), "sourceLabels: " + p));
            }
        });
    }

    /** A header name a match may use: an HTTP token, a pseudo-header, or a JWT claim. */
    static Optional<String> headerName(String name) {
        if (JwtClaimRouteOffGateway.isJwtClaim(name) || PSEUDO_HEADERS.contains(name)) {
            return Optional.empty();
        }
        return IstioValues.httpHeaderName(name);
    }
}
