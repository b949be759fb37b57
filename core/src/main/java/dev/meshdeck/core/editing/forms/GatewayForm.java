package dev.meshdeck.core.editing.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.yaml.YamlRenderer;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Gateway editor's model over one Istio Gateway: its servers, each with port number, name and protocol, hosts,
 * TLS mode and the Secret its certificate comes from ({@code credentialName}).
 *
 * <p>Immutable: every {@code with...} returns a new form. The candidate keeps everything the form does not edit
 * (the selector, a server's {@code bind} or TLS versions and ciphers, labels, key order); its checks are the
 * validation rules the apply pipeline's gate runs on it.
 */
public final class GatewayForm {

    public static final String KIND = "Gateway";
    /** The protocols a Gateway server may declare, as Istio lists them. */
    public static final List<String> PROTOCOLS = List.of("HTTP", "HTTPS", "GRPC", "HTTP2", "MONGO", "TCP", "TLS");
    /** The TLS modes whose certificate a server reads from a Secret; the others name none. */
    public static final Set<ServerTLSSettingsTLSmode> CREDENTIAL_MODES = EnumSet.of(ServerTLSSettingsTLSmode.SIMPLE,
            ServerTLSSettingsTLSmode.MUTUAL, ServerTLSSettingsTLSmode.OPTIONAL_MUTUAL);

    private final ObjectNode live;
    private final List<ServerEntry> servers;

    /**
     * One server as the form shows it.
     *
     * @param origin         the index of the server in the live object, -1 for one the form added
     * @param tlsMode        empty for a server that terminates no TLS
     * @param credentialName the Secret holding the certificate; always empty for a mode that reads none
     */
    public record ServerEntry(int origin, int port, String portName, String protocol, List<String> hosts,
                              Optional<ServerTLSSettingsTLSmode> tlsMode, Optional<String> credentialName) {

        public ServerEntry {
            hosts = List.copyOf(hosts);
            credentialName = tlsMode.filter(CREDENTIAL_MODES::contains).isPresent()
                    ? credentialName.filter(c -> !c.isBlank()) : Optional.empty();
        }

        public ServerEntry withPort(int number) {
            return new ServerEntry(origin, number, portName, protocol, hosts, tlsMode, credentialName);
        }

        public ServerEntry withPortName(String name) {
            return new ServerEntry(origin, port, name, protocol, hosts, tlsMode, credentialName);
        }

        public ServerEntry withProtocol(String value) {
            return new ServerEntry(origin, port, portName, value, hosts, tlsMode, credentialName);
        }

        public ServerEntry withHosts(List<String> value) {
            return new ServerEntry(origin, port, portName, protocol, value, tlsMode, credentialName);
        }

        /** A mode that reads no Secret (ISTIO_MUTUAL, the passthroughs, none) drops the credential. */
        public ServerEntry withTlsMode(Optional<ServerTLSSettingsTLSmode> mode) {
            return new ServerEntry(origin, port, portName, protocol, hosts, mode, credentialName);
        }

        public ServerEntry withCredentialName(Optional<String> secret) {
            return new ServerEntry(origin, port, portName, protocol, hosts, tlsMode, secret);
        }

        /** Whether the server's TLS mode reads its certificate from a Secret, so that the Secret picker applies. */
        public boolean takesCredential() {
            return tlsMode.filter(CREDENTIAL_MODES::contains).isPresent();
        }
    }

    private GatewayForm(ObjectNode live, List<ServerEntry> servers) {
        this.live = live;
        this.servers = List.copyOf(servers);
    }

    /** The form over a Gateway as read from the cluster (with its resourceVersion, the precondition of the write). */
    public static GatewayForm of(JsonNode gateway) {
        Trees.requireKind(gateway, KIND);
        List<ServerEntry> servers = new ArrayList<>();
        JsonNode listed = gateway.path("spec").path("servers");
        for (int i = 0; i < listed.size(); i++) {
            servers.add(entry(i, listed.get(i)));
        }
        return new GatewayForm(((ObjectNode) gateway).deepCopy(), servers);
    }

    private static ServerEntry entry(int origin, JsonNode server) {
        JsonNode port = server.path("port");
        List<String> hosts = new ArrayList<>();
        server.path("hosts").forEach(h -> hosts.add(h.asText()));
        JsonNode tls = server.path("tls");
        Optional<ServerTLSSettingsTLSmode> mode = tls.hasNonNull("mode")
                ? Optional.of(ServerTLSSettingsTLSmode.valueOf(tls.get("mode").asText())) : Optional.empty();
        return new ServerEntry(origin, port.path("number").asInt(0), port.path("name").asText(""),
                port.path("protocol").asText(""), hosts, mode,
                Optional.ofNullable(tls.path("credentialName").textValue()));
    }

    public List<ServerEntry> servers() {
        return servers;
    }

    public String namespace() {
        return live.path("metadata").path("namespace").asText("");
    }

    public String name() {
        return live.path("metadata").path("name").asText("");
    }

    public GatewayForm withServer(int index, ServerEntry server) {
        List<ServerEntry> next = new ArrayList<>(servers);
        next.set(index, server);
        return new GatewayForm(live, next);
    }

    /**
     * Adds an HTTPS server on the first free port from 443 up, for the hosts of the first server (the Gateway's
     * domain, most often), terminating TLS with a certificate still to be picked.
     */
    public GatewayForm addServer() {
        int port = 443;
        while (usesPort(port)) {
            port++;
        }
        List<String> hosts = servers.isEmpty() ? List.of("*") : servers.get(0).hosts();
        List<ServerEntry> next = new ArrayList<>(servers);
        next.add(new ServerEntry(-1, port, "https-" + port, "HTTPS", hosts, Optional.of(ServerTLSSettingsTLSmode.SIMPLE),
                Optional.empty()));
        return new GatewayForm(live, next);
    }

    private boolean usesPort(int port) {
        return servers.stream().anyMatch(s -> s.port() == port);
    }

    public GatewayForm removeServer(int index) {
        List<ServerEntry> next = new ArrayList<>(servers);
        next.remove(index);
        return new GatewayForm(live, next);
    }

    /** The Gateway the form describes: the live object with its servers replaced, every other field kept. */
    public ObjectNode candidate() {
        ObjectNode candidate = live.deepCopy();
        JsonNode original = live.path("spec").path("servers");
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (ServerEntry s : servers) {
            ObjectNode server = s.origin() >= 0 && s.origin() < original.size()
                    ? (ObjectNode) original.get(s.origin()).deepCopy() : JsonNodeFactory.instance.objectNode();
            ObjectNode port = object(server, "port");
            port.put("number", s.port());
            port.put("name", s.portName());
            port.put("protocol", s.protocol());
            ArrayNode hosts = server.putArray("hosts");
            s.hosts().forEach(hosts::add);
            if (s.tlsMode().isEmpty()) {
                server.remove("tls");
            } else {
                ObjectNode tls = object(server, "tls");
                tls.put("mode", s.tlsMode().get().name());
                s.credentialName().ifPresentOrElse(c -> tls.put("credentialName", c), () -> tls.remove("credentialName"));
            }
            out.add(server);
        }
        object(candidate, "spec").set("servers", out);
        return candidate;
    }

    /** The mapping under {@code field}, made when missing: edits keep the fields already in it. */
    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode existing ? existing : parent.putObject(field);
    }

    /** The candidate as the review shows it (server-owned fields left out). */
    public String yaml() {
        return YamlRenderer.render(YamlRenderer.forReview(candidate()));
    }

    /** Whether the candidate differs from the live Gateway (a port read as a long and written as an int is the same). */
    public boolean changed() {
        return !candidate().equals(SAME_VALUE, live);
    }

    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    /** The write the apply pipeline reviews: the live Gateway to the candidate. */
    public ResourceChange change() {
        return ResourceChange.of(live, candidate());
    }
}
