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
import java.util.HashSet;
import java.util.Set;

/**
 * A ServiceEntry port Istio rejects: null, unnamed or badly named, an unknown protocol, a number or target port
 * outside 1-65535, or a name or number that another port of the entry already uses.
 */
public final class ServiceEntryPorts extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0563", Severity.ERROR, Category.SCHEMA,
            "ServiceEntry port invalid or defined twice").istio("IST0106");

    public ServiceEntryPorts() {
        super(INFO, "ServiceEntry");
    }

    @Override
    protected void check(Resource se, Findings findings) {
        JsonNode ports = se.spec().path("ports");
        Set<String> names = new HashSet<>();
        Set<Long> numbers = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String at = "/spec/ports/" + i;
            if (port.isNull()) {
                findings.report(INFO, se, at, "a ServiceEntry port may not be null: give it a number, name and protocol");
                continue;
            }
            String name = port.path("name").asText("");
            long number = port.path("number").asLong(0);
            if (!names.add(name)) {
                findings.report(INFO, se, at + "/name", "port name \"" + name + "\" is already used by another port of this ServiceEntry");
            }
            if (!numbers.add(number)) {
                findings.report(INFO, se, at + "/number", "port " + number + " is already defined by another port of this ServiceEntry");
            }
            IstioValues.portName(name).ifPresent(problem -> findings.report(INFO, se, at + "/name",
                    problem + ": a port name is required and must be a DNS label such as http-api"));
            String protocol = port.path("protocol").asText("");
            if (!protocol.isEmpty() && IstioProtocol.parse(protocol).isEmpty()) {
                findings.report(INFO, se, at + "/protocol", "unsupported protocol \"" + protocol
                        + "\": use HTTP, HTTPS, HTTP2, GRPC, TLS, TCP, MONGO, REDIS or MYSQL");
            }
            IstioValues.port(number).ifPresent(problem -> findings.report(INFO, se, at + "/number", problem));
            long target = port.path("targetPort").asLong(0);
            if (target != 0) {
                IstioValues.port(target).ifPresent(problem -> findings.report(INFO, se, at + "/targetPort", "targetPort: " + problem));
            }
        }
    }
}
