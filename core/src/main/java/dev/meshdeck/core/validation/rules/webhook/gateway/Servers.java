package dev.meshdeck.core.validation.rules.webhook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioProtocol;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.NetworkingObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What the webhook rules of a Gateway share: the candidates they judge and their servers. */
final class Servers {

    /** One server of a Gateway, with the JSON pointer it was written at. */
    record Server(Resource gateway, JsonNode node, String pointer) {

        JsonNode port() {
            return node.path("port");
        }

        JsonNode tls() {
            return node.path("tls");
        }

        boolean hasTls() {
            return node.has("tls") && !node.get("tls").isNull();
        }

        String bind() {
            return node.path("bind").asText("");
        }

        /** The port's protocol as Istio reads it, empty when Istio does not support it. */
        Optional<IstioProtocol> protocol() {
            return IstioProtocol.parse(port().path("protocol").asText(""));
        }
    }

    /** A problem of a server's port: the JSON pointer of the field at fault, and Istio's words for it. */
    record PortProblem(String pointer, String message) {
    }

    private static final String SEMANTICS = "internal.istio.io/gateway-semantics";

    private Servers() {
    }

    static List<Resource> candidates(ValidationContext context) {
        return NetworkingObjects.candidates(context, "Gateway");
    }

    static void each(ValidationContext context, Consumer<Server> visit) {
        for (Resource gateway : candidates(context)) {
            JsonNode servers = gateway.spec().path("servers");
            for (int i = 0; i < servers.size(); i++) {
                if (servers.get(i).isObject()) {
                    visit.accept(new Server(gateway, servers.get(i), "/spec/servers/" + i));
                }
            }
        }
    }

    /** A Gateway istiod made from a Kubernetes Gateway API object: its names and hosts follow that API. */
    static boolean fromGatewayApi(Resource gateway) {
        return gateway.tree().path("metadata").path("annotations").path(SEMANTICS).asText("").equals("gateway");
    }

    /** The problems Istio finds in a server's port (validateServerPort), in its words; empty when the port is fine. */
    static List<PortProblem> portProblems(Server server) {
        List<PortProblem> problems = new ArrayList<>();
        JsonNode port = server.port();
        if (!port.isObject()) {
            problems.add(new PortProblem(server.pointer(), "port is required: set number, name and protocol"));
            return problems;
        }
        String at = server.pointer() + "/port/";
        if (server.protocol().isEmpty()) {
            problems.add(new PortProblem(at + "protocol", "invalid protocol \"" + port.path("protocol").asText("") + "\", supported protocols are HTTP, "
                    + "HTTP2, GRPC, GRPC-WEB, HTTPS, TLS, TCP, MONGO, REDIS, MYSQL"));
        }
        long number = port.path("number").asLong(0);
        // a server bound to a unix socket listens on no port: number 0
        if (number > 0 || !IstioValues.isUnixAddress(server.bind())) {
            IstioValues.port(number).ifPresent(p -> problems.add(new PortProblem(at + "number", p)));
        }
        if (port.path("targetPort").asLong(0) > 0) {
            problems.add(new PortProblem(at + "targetPort", "targetPort has no impact on Gateways: remove it"));
        }
        if (port.path("name").asText("").isEmpty()) {
            problems.add(new PortProblem(at + "name", "port name must be set (e.g. https-shop)"));
        }
        return problems;
    }
}
