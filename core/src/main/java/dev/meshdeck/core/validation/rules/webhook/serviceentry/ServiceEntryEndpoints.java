package dev.meshdeck.core.validation.rules.webhook.serviceentry;

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
 * A ServiceEntry endpoint Istio rejects: with STATIC resolution an address that is not an IP or a Unix socket
 * (or a socket with ports, or beside several service ports), with DNS one that is neither an IP nor an FQDN; a
 * port the entry does not define or outside 1-65535; a label Kubernetes would not accept.
 */
public final class ServiceEntryEndpoints extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0569", Severity.ERROR, Category.SCHEMA,
            "ServiceEntry endpoint address, port or label invalid").istio("IST0106");

    public ServiceEntryEndpoints() {
        super(INFO, "ServiceEntry");
    }

    @Override
    protected void check(Resource se, Findings findings) {
        Optional<Resolution> resolution = Resolution.of(se);
        if (resolution.isEmpty() || resolution.get() != Resolution.STATIC && !resolution.get().isDns()) {
            return;
        }
        Set<String> servicePorts = new HashSet<>();
        se.spec().path("ports").forEach(p -> servicePorts.add(p.path("name").asText("")));
        JsonNode endpoints = se.spec().path("endpoints");
        for (int i = 0; i < endpoints.size(); i++) {
            JsonNode endpoint = endpoints.get(i);
            String at = "/spec/endpoints/" + i;
            if (endpoint.isNull()) {
                findings.report(INFO, se, at, "an endpoint may not be null: give it an address");
            } else if (resolution.get() == Resolution.STATIC) {
                staticEndpoint(se, endpoint, at, servicePorts, findings);
            } else {
                dnsEndpoint(se, endpoint, at, findings);
                portsAndLabels(se, endpoint, at, servicePorts, findings);
            }
        }
    }

    private static void staticEndpoint(Resource se, JsonNode endpoint, String at, Set<String> servicePorts, Findings findings) {
        String address = endpoint.path("address").asText("");
        if (address.isEmpty()) {
            if (endpoint.path("network").asText("").isEmpty()) {
                findings.report(INFO, se, at, "an endpoint needs an address (or, for a remote network's gateway, a network)");
                return;
            }
        } else if (IstioValues.isUnixAddress(address)) {
            IstioValues.unixAddress(address)
                    .ifPresent(problem -> findings.report(INFO, se, at + "/address", "Unix socket endpoint: " + problem));
            if (endpoint.path("ports").size() > 0) {
                findings.report(INFO, se, at + "/ports", "Unix socket endpoint " + address + " must not list ports");
            }
            if (servicePorts.size() != 1) {
                findings.report(INFO, se, at + "/address", "a Unix socket endpoint needs exactly one service port, "
                        + "this ServiceEntry has " + servicePorts.size());
            }
        } else if (!IstioValues.isIpAddress(address)) {
            findings.report(INFO, se, at + "/address", "endpoint address \"" + address + "\" is not an IP address, "
                    + "as resolution STATIC needs: use resolution DNS for host names");
        }
        portsAndLabels(se, endpoint, at, servicePorts, findings);
    }

    private static void dnsEndpoint(Resource se, JsonNode endpoint, String at, Findings findings) {
        String address = endpoint.path("address").asText("");
        if (!IstioValues.isIpAddress(address) && IstioValues.fqdn(address).isPresent()) {
            findings.report(INFO, se, at + "/address", "endpoint address \"" + address
                    + "\" is not a valid FQDN or an IP address");
        }
    }

    private static void portsAndLabels(Resource se, JsonNode endpoint, String at, Set<String> servicePorts, Findings findings) {
        endpoint.path("ports").fields().forEachRemaining(port -> {
            String name = port.getKey();
            String where = at + "/ports/" + name.replace("~", "~0").replace("/", "~1");
            if (!servicePorts.contains(name)) {
                findings.report(INFO, se, where, "endpoint port \"" + name + "\" is not a port name of this ServiceEntry");
            }
            IstioValues.portName(name).ifPresent(problem -> findings.report(INFO, se, where, problem));
            IstioValues.port(port.getValue().asLong(0)).ifPresent(problem -> findings.report(INFO, se, where, problem));
        });
        endpoint.path("labels").fields().forEachRemaining(label -> IstioValues
                .label(label.getKey(), label.getValue().asText(""))
                .ifPresent(problem -> findings.report(INFO, se, at + "/labels", problem)));
    }
}
