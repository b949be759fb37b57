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
 * @param workloads       the gateway workloads whose pods the selector selects, as telemetry names them
 * @param virtualServices "namespace/name" of the VirtualServices that name it in {@code spec.gateways}
 * @param resource        the object as YAML, for export and the editor
 */
public record IngressGateway(SourceRef source, String namespace, String name, Map<String, String> selector,
                             List<Workload> workloads, List<Server> servers, List<String> virtualServices,
                             MeshResource resource) {

    public IngressGateway {
        selector = Map.copyOf(selector);
        workloads = List.copyOf(workloads);
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

    /**
     * A gateway workload (the ingress gateway's pods) as Istio's telemetry names it: its canonical service in its
     * namespace, e.g. istio-system/istio-ingressgateway.
     */
    public record Workload(String namespace, String service) {

        /**
         * The canonical service of a pod with these labels, as Istio derives it: the
         * {@code service.istio.io/canonical-name} label, else {@code app.kubernetes.io/name}, else {@code app}, else
         * the name of the workload that owns the pod.
         */
        public static Workload of(String namespace, Map<String, String> podLabels, String workloadName) {
            for (String label : List.of("service.istio.io/canonical-name", "app.kubernetes.io/name", "app")) {
                String value = podLabels.get(label);
                if (value != null && !value.isBlank()) {
                    return new Workload(namespace, value);
                }
            }
            return new Workload(namespace, workloadName);
        }

        public String qualifiedName() {
            return namespace + "/" + service;
        }
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
