package dev.meshdeck.core.validation.rules.webhook.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.rules.webhook.IstioProtocol;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;

/** What Istio checks alike on the port of a Sidecar's ingress and egress listeners. */
final class ListenerPorts {

    private ListenerPorts() {
    }

    /**
     * The port of the listener at {@code at}: no targetPort, a DNS-label name and a known protocol when given,
     * and, for a listener bound to an IP rather than a Unix socket, a number 1-65535 and an IP bind address.
     */
    static void check(RuleInfo info, Resource sidecar, String at, JsonNode listener, boolean unixSocket, Findings findings) {
        JsonNode port = listener.path("port");
        if (port.path("targetPort").asLong(0) > 0) {
            findings.report(info, sidecar, at + "/port/targetPort", "targetPort has no effect in a Sidecar: remove it");
        }
        String name = port.path("name").asText("");
        if (!name.isEmpty()) {
            IstioValues.portName(name).ifPresent(problem -> findings.report(info, sidecar, at + "/port/name",
                    problem + ": a port name must be a DNS label such as http-api"));
        }
        String protocol = port.path("protocol").asText("");
        if (!protocol.isEmpty() && IstioProtocol.parse(protocol).isEmpty()) {
            findings.report(info, sidecar, at + "/port/protocol", "unsupported protocol \"" + protocol
                    + "\": use HTTP, HTTPS, HTTP2, GRPC, TLS, TCP, HTTP_PROXY, MONGO, REDIS or MYSQL");
        }
        if (unixSocket) {
            return;
        }
        IstioValues.port(port.path("number").asLong(0))
                .ifPresent(problem -> findings.report(info, sidecar, at + "/port/number", problem));
        String bind = listener.path("bind").asText("");
        if (!bind.isEmpty() && !IstioValues.isIpAddress(bind)) {
            findings.report(info, sidecar, at + "/bind", "bind \"" + bind + "\" is not an IP address");
        }
    }
}
