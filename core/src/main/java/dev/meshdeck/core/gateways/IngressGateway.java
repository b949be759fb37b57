package dev.meshdeck.core.gateways;

import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.SourceRef;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Istio Gateway of a cluster: the gateway workloads it configures, the servers it opens and the VirtualServices
 * bound to it — where outside traffic enters the mesh, and so where a function is reached from outside.
 *
 * @param selector        labels of the gateway workloads (the ingress gateway pods) it applies to
 * @param virtualServices "namespace/name" of the VirtualServices that name it in {@code spec.gateways}
 * @param resource        the object as YAML, for export and the editor
 */
public record IngressGateway(SourceRef source, String namespace, String name, Map<String, String> selector,
                             List<Server> servers, List<String> virtualServices, MeshResource resource) {

    public IngressGateway {
        selector = Map.copyOf(selector);
        servers = List.copyOf(servers);
        virtualServices = List.copyOf(virtualServices);
    }

    public String qualifiedName() {
        return namespace + "/" + name;
    }

    /**
     * The Gateway an entry of a VirtualService's {@code spec.gateways} names, as "namespace/name": "ns/name", a bare
     * name in the VirtualService's own namespace, or the legacy "name.ns.svc.cluster.local". Empty for the reserved
     * {@code mesh} (the sidecars, not a Gateway object).
     */
    public static Optional<String> referenced(String entry, String virtualServiceNamespace) {
        if (entry == null || entry.isBlank() || entry.equals("mesh")) {
            return Optional.empty();
        }
        int slash = entry.indexOf('/');
        if (slash >= 0) {
            return Optional.of(entry);
        }
        String[] parts = entry.split("\\.");
        return parts.length > 1 ? Optional.of(parts[1] + "/" + parts[0]) : Optional.of(virtualServiceNamespace + "/" + entry);
    }

    /** One server of the gateway: a port it listens on and the hosts it accepts there. */
    public record Server(int port, String protocol, String portName, List<String> hosts, Optional<Tls> tls) {

        public Server {
            hosts = List.copyOf(hosts);
        }
    }

    /**
     * How the server terminates TLS.
     *
     * @param credentialName the Secret (in the gateway workload's namespace) holding the certificate; empty when the
     *                       mode needs none or the certificate comes from files
     */
    public record Tls(ServerTLSSettingsTLSmode mode, Optional<String> credentialName) {
    }
}
