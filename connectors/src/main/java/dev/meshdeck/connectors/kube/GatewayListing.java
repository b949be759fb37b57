package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.SourceRef;
import io.fabric8.istio.api.api.networking.v1alpha3.Port;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A cluster's Istio Gateways with the gateway workloads they configure and the VirtualServices bound to them, read on
 * demand (for `meshdeck gateways`, export, and the graph's ingress nodes after each discovery), not watched.
 */
final class GatewayListing {

    private GatewayListing() {
    }

    static List<IngressGateway> read(KubernetesClient client, SourceRef source) {
        Map<String, TreeSet<String>> bound = new HashMap<>();
        for (VirtualService vs : client.resources(VirtualService.class).inAnyNamespace().list().getItems()) {
            String ns = vs.getMetadata().getNamespace();
            List<String> gateways = vs.getSpec() == null || vs.getSpec().getGateways() == null ? List.of() : vs.getSpec().getGateways();
            for (String entry : gateways) {
                IngressGateway.referenced(entry, ns).ifPresent(gw ->
                        bound.computeIfAbsent(gw, g -> new TreeSet<>()).add(ns + "/" + vs.getMetadata().getName()));
            }
        }
        List<IngressGateway> gateways = new ArrayList<>();
        for (Gateway g : client.resources(Gateway.class).inAnyNamespace().list().getItems()) {
            String ns = g.getMetadata().getNamespace();
            String name = g.getMetadata().getName();
            List<IngressGateway.Server> servers = g.getSpec() == null || g.getSpec().getServers() == null ? List.of()
                    : g.getSpec().getServers().stream().map(GatewayListing::server).toList();
            Map<String, String> selector = g.getSpec() == null || g.getSpec().getSelector() == null ? Map.of() : g.getSpec().getSelector();
            gateways.add(new IngressGateway(source, ns, name, selector, workloads(client, selector), servers,
                    List.copyOf(bound.getOrDefault(ns + "/" + name, new TreeSet<>())),
                    new MeshResource("Gateway", ns, name, ResourceYaml.of(ResourceYaml.genericCopy(g)))));
        }
        gateways.sort(Comparator.comparing(IngressGateway::qualifiedName));
        return gateways;
    }

    /**
     * The gateway workloads the selector selects, by their pods (in any namespace, as Istio applies a Gateway's
     * selector): one list call, filtered by the server. An empty selector names none here.
     */
    private static List<IngressGateway.Workload> workloads(KubernetesClient client, Map<String, String> selector) {
        if (selector.isEmpty()) {
            return List.of();
        }
        TreeMap<String, IngressGateway.Workload> found = new TreeMap<>();
        for (Pod pod : client.pods().inAnyNamespace().withLabels(selector).list().getItems()) {
            Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
            IngressGateway.Workload w = IngressGateway.Workload.of(pod.getMetadata().getNamespace(), labels, ownerName(pod));
            found.putIfAbsent(w.qualifiedName(), w);
        }
        return List.copyOf(found.values());
    }

    /** See {@code GatewaySource#tlsSecretsIn}: names only, the values are dropped as soon as they are listed. */
    static List<String> tlsSecrets(KubernetesClient client, String namespace) {
        return client.secrets().inNamespace(namespace).list().getItems().stream()
                .filter(GatewayListing::holdsCertificate).map(s -> s.getMetadata().getName()).sorted().toList();
    }

    private static boolean holdsCertificate(Secret secret) {
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        return "kubernetes.io/tls".equals(secret.getType())
                || (data.containsKey("tls.crt") && data.containsKey("tls.key"))
                || data.containsKey("cacert") || data.containsKey("ca.crt");
    }

    /** The Deployment (or other owner) a pod belongs to: its ReplicaSet's name without the template hash. */
    private static String ownerName(Pod pod) {
        String hash = pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get("pod-template-hash");
        return pod.getMetadata().getOwnerReferences() == null ? pod.getMetadata().getName()
                : pod.getMetadata().getOwnerReferences().stream().findFirst()
                        .map(o -> hash != null && o.getName().endsWith("-" + hash)
                                ? o.getName().substring(0, o.getName().length() - hash.length() - 1) : o.getName())
                        .orElse(pod.getMetadata().getName());
    }

    private static IngressGateway.Server server(Server s) {
        Port port = s.getPort();
        ServerTLSSettings tls = s.getTls();
        Optional<IngressGateway.Tls> terminated = tls == null || tls.getMode() == null ? Optional.empty()
                : Optional.of(new IngressGateway.Tls(tls.getMode(),
                        Optional.ofNullable(tls.getCredentialName()).filter(c -> !c.isEmpty())));
        return new IngressGateway.Server(
                port == null || port.getNumber() == null ? 0 : port.getNumber().intValue(),
                port == null || port.getProtocol() == null ? "" : port.getProtocol(),
                port == null || port.getName() == null ? "" : port.getName(),
                s.getHosts() == null ? List.of() : s.getHosts(), terminated);
    }
}
