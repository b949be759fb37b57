package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.SourceRef;
import io.fabric8.istio.api.api.networking.v1alpha3.Port;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** A cluster's Istio Gateways with the VirtualServices bound to them, read on demand (not part of discovery). */
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
            gateways.add(new IngressGateway(source, ns, name, selector, servers,
                    List.copyOf(bound.getOrDefault(ns + "/" + name, new TreeSet<>())),
                    new MeshResource("Gateway", ns, name, ResourceYaml.of(ResourceYaml.genericCopy(g)))));
        }
        gateways.sort(Comparator.comparing(IngressGateway::qualifiedName));
        return gateways;
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
