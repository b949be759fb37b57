package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioProtocol;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A ServiceEntry with resolution DYNAMIC_DNS that Istio rejects: such an entry forwards to whatever name the
 * request carries, so its hosts must be wildcards, it takes no addresses or endpoints, its ports speak HTTP, HTTP2,
 * GRPC or TLS, and MESH_INTERNAL does not work through a waypoint.
 */
public final class ServiceEntryDynamicDns extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0568", Severity.ERROR, Category.SEMANTIC,
            "ServiceEntry with DYNAMIC_DNS resolution misconfigured").istio("IST0106");

    private static final Set<IstioProtocol> FORWARDABLE = EnumSet.of(IstioProtocol.HTTP, IstioProtocol.TLS,
            IstioProtocol.GRPC, IstioProtocol.HTTP2);
    private static final String USE_WAYPOINT_LABEL = "istio.io/use-waypoint";

    public ServiceEntryDynamicDns() {
        super(INFO, "ServiceEntry");
    }

    @Override
    protected void check(Resource se, Findings findings) {
        if (!Resolution.of(se).equals(Optional.of(Resolution.DYNAMIC_DNS))) {
            return;
        }
        JsonNode spec = se.spec();
        JsonNode hosts = spec.path("hosts");
        for (int i = 0; i < hosts.size(); i++) {
            if (!hosts.get(i).asText("").startsWith("*")) {
                findings.report(INFO, se, "/spec/hosts/" + i, "host \"" + hosts.get(i).asText()
                        + "\" must be a wildcard (such as *.example.com) with resolution DYNAMIC_DNS");
            }
        }
        if (spec.path("addresses").size() > 0) {
            findings.report(INFO, se, "/spec/addresses", "addresses cannot be set with resolution DYNAMIC_DNS: "
                    + "routes are built from the hosts");
        }
        if (spec.path("endpoints").size() > 0) {
            findings.report(INFO, se, "/spec/endpoints", "endpoints cannot be set with resolution DYNAMIC_DNS: "
                    + "the destination address is resolved from the request's host");
        }
        JsonNode ports = spec.path("ports");
        for (int i = 0; i < ports.size(); i++) {
            Optional<IstioProtocol> protocol = IstioProtocol.parse(ports.get(i).path("protocol").asText(""));
            if (ports.get(i).isObject() && (protocol.isEmpty() || !FORWARDABLE.contains(protocol.get()))) {
                findings.report(INFO, se, "/spec/ports/" + i + "/protocol", "only HTTP, TLS, GRPC and HTTP2 ports "
                        + "are supported with resolution DYNAMIC_DNS");
            }
        }
        if (spec.path("location").asText("").equals("MESH_INTERNAL") && usesWaypoint(se)) {
            findings.report(INFO, se, "/spec/location", "location MESH_INTERNAL with resolution DYNAMIC_DNS does "
                    + "not work through a waypoint (label " + USE_WAYPOINT_LABEL + "): use MESH_EXTERNAL");
        }
    }

    private static boolean usesWaypoint(Resource se) {
        String waypoint = se.tree().path("metadata").path("labels").path(USE_WAYPOINT_LABEL).asText("");
        return !waypoint.isEmpty() && !waypoint.equalsIgnoreCase("none");
    }
}
