package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioProtocol;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.Optional;

/**
 * A ServiceEntry whose addresses, endpoints, hosts or ports do not fit its resolution, as Istio's webhook judges:
 * CIDR addresses outside NONE/STATIC, endpoints with NONE, DNS without endpoints on a host that is no FQDN,
 * DNS_ROUND_ROBIN with several endpoints, several hosts sharing a port that is neither HTTP nor TLS.
 */
public final class ServiceEntryResolutionMismatch extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0567", Severity.ERROR, Category.SEMANTIC,
            "ServiceEntry addresses, endpoints or hosts do not fit its resolution").istio("IST0106");

    public ServiceEntryResolutionMismatch() {
        super(INFO, "ServiceEntry");
    }

    @Override
    protected void check(Resource se, Findings findings) {
        Optional<Resolution> known = Resolution.of(se);
        if (known.isEmpty()) {
            return;
        }
        Resolution resolution = known.get();
        JsonNode spec = se.spec();
        cidrs(se, resolution, findings);
        int endpoints = spec.path("endpoints").size();
        if (resolution == Resolution.NONE && endpoints > 0) {
            findings.report(INFO, se, "/spec/endpoints", "endpoints are not used with resolution NONE: "
                    + "set resolution: STATIC (IP endpoints) or DNS (host names), or remove the endpoints");
        }
        if (resolution.isDns() && endpoints == 0) {
            unresolvableHost(se, resolution, findings);
        }
        if (resolution == Resolution.DNS_ROUND_ROBIN && endpoints > 1) {
            findings.report(INFO, se, "/spec/endpoints", "resolution DNS_ROUND_ROBIN takes at most one endpoint, "
                    + "found " + endpoints + ": use resolution DNS for several endpoints");
        }
        if (resolution != Resolution.NONE && spec.path("hosts").size() > 1) {
            sharedOpaquePort(se, findings);
        }
    }

    private static void cidrs(Resource se, Resolution resolution, Findings findings) {
        if (resolution == Resolution.NONE || resolution == Resolution.STATIC) {
            return;
        }
        JsonNode addresses = se.spec().path("addresses");
        for (int i = 0; i < addresses.size(); i++) {
            if (addresses.get(i).asText("").contains("/")) {
                findings.report(INFO, se, "/spec/addresses/" + i, "CIDR address \"" + addresses.get(i).asText()
                        + "\" is allowed only with resolution NONE or STATIC, not " + resolution);
            }
        }
    }

    /** Without endpoints, DNS resolves the hosts themselves: each must be an FQDN (Istio names the first that is not). */
    private static void unresolvableHost(Resource se, Resolution resolution, Findings findings) {
        JsonNode hosts = se.spec().path("hosts");
        for (int i = 0; i < hosts.size(); i++) {
            Optional<String> problem = IstioValues.fqdn(hosts.get(i).asText(""));
            if (problem.isPresent()) {
                findings.report(INFO, se, "/spec/hosts/" + i, "with resolution " + resolution + " and no endpoints the "
                        + "hosts are resolved by DNS and must be FQDNs (" + problem.get() + "): list endpoints, or name the host exactly");
                return;
            }
        }
    }

    /** Several hosts on one plain TCP port cannot be told apart: only HTTP (Host) and TLS (SNI) carry the host name. */
    private static void sharedOpaquePort(Resource se, Findings findings) {
        JsonNode ports = se.spec().path("ports");
        for (int i = 0; i < ports.size(); i++) {
            if (!ports.get(i).isObject()) {
                continue;
            }
            Optional<IstioProtocol> protocol = IstioProtocol.parse(ports.get(i).path("protocol").asText(""));
            if (protocol.isEmpty() || !protocol.get().isHttp() && !protocol.get().isTls()) {
                findings.report(INFO, se, "/spec/ports/" + i, "several hosts share this port but its protocol is neither "
                        + "HTTP nor TLS, so the proxy cannot tell them apart: one ServiceEntry per host, or resolution NONE");
                return;
            }
        }
    }
}
