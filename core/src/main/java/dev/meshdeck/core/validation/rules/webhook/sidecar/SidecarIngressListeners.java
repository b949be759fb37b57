package dev.meshdeck.core.validation.rules.webhook.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A Sidecar ingress listener Istio rejects: null or without a port, a bad port or bind address, a port another
 * ingress listener already uses, or a defaultEndpoint that is not a loopback/any address with a port (or a Unix socket).
 */
public final class SidecarIngressListeners extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0583", Severity.ERROR, Category.SCHEMA,
            "Sidecar ingress listener port, bind or default endpoint invalid").istio("IST0106");

    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "0.0.0.0", "::1", "::");

    public SidecarIngressListeners() {
        super(INFO, "Sidecar");
    }

    @Override
    protected void check(Resource sidecar, Findings findings) {
        JsonNode ingress = sidecar.spec().path("ingress");
        Set<Long> ports = new HashSet<>();
        for (int i = 0; i < ingress.size(); i++) {
            JsonNode listener = ingress.get(i);
            String at = "/spec/ingress/" + i;
            if (listener.isNull()) {
                findings.report(INFO, sidecar, at, "an ingress listener may not be null");
                continue;
            }
            if (!listener.path("port").isObject()) {
                findings.report(INFO, sidecar, at, "an ingress listener needs a port (number, protocol, name)");
                continue;
            }
            ListenerPorts.check(INFO, sidecar, at, listener, false, findings);
            if (!ports.add(listener.path("port").path("number").asLong(0))) {
                findings.report(INFO, sidecar, at + "/port/number", "port " + listener.path("port").path("number").asText()
                        + " is already used by another ingress listener: ports on IP-bound listeners must be unique");
            }
            String endpoint = listener.path("defaultEndpoint").asText("");
            if (!endpoint.isEmpty()) {
                defaultEndpoint(endpoint).ifPresent(problem -> findings.report(INFO, sidecar, at + "/defaultEndpoint", problem));
            }
        }
    }

    /** Istio accepts 127.0.0.1:port, 0.0.0.0:port, [::1]:port, [::]:port, :port or unix://path. */
    static Optional<String> defaultEndpoint(String endpoint) {
        if (IstioValues.isUnixAddress(endpoint)) {
            return IstioValues.unixAddress(endpoint).map(p -> "defaultEndpoint: " + p);
        }
        String host;
        String port;
        if (endpoint.startsWith("[")) {
            int close = endpoint.indexOf(']');
            if (close < 0 || close + 1 >= endpoint.length() || endpoint.charAt(close + 1) != ':') {
                return Optional.of("defaultEndpoint \"" + endpoint + "\" is not of the form [address]:port");
            }
            host = endpoint.substring(1, close);
            port = endpoint.substring(close + 2);
        } else {
            int colon = endpoint.lastIndexOf(':');
            if (colon < 0 || endpoint.substring(0, colon).contains(":")) {
                return Optional.of("defaultEndpoint \"" + endpoint + "\" is not of the form address:port");
            }
            host = endpoint.substring(0, colon);
            port = endpoint.substring(colon + 1);
        }
        if (!host.isEmpty() && !LOCAL_HOSTS.contains(host)) {
            return Optional.of("defaultEndpoint must be 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port> "
                    + "or unix://<path>; \"" + endpoint + "\" forwards to another host");
        }
        if (!port.matches("[+-]?\\d{1,9}")) {
            return Optional.of("defaultEndpoint port \"" + port + "\" is not a number");
        }
        return IstioValues.port(Long.parseLong(port)).map(p -> "defaultEndpoint: " + p);
    }
}
