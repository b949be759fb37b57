package dev.meshdeck.core.routing;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import java.util.ArrayList;
import java.util.List;

/** The HTTP routing of one VirtualService: which requests for which hosts go where. */
public record RoutingPolicy(String namespace, String name, List<String> hosts, List<String> gateways,
                            List<HttpRoute> http) {

    public RoutingPolicy {
        hosts = List.copyOf(hosts);
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
        http = List.copyOf(http);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("VirtualService " + namespace + "/" + name + " needs at least one host");
        }
    }

    /** One host, one catch-all route. */
    public static RoutingPolicy of(String namespace, String name, String host, HttpRoute route) {
        return new RoutingPolicy(namespace, name, List.of(host), List.of(), List.of(route));
    }

    public HttpRoute route(int index) {
        return http.get(index);
    }

    public RoutingPolicy withRoute(int index, HttpRoute route) {
        List<HttpRoute> copy = new ArrayList<>(http);
        copy.set(index, route);
        return new RoutingPolicy(namespace, name, hosts, gateways, copy);
    }

    /** Inserts a route before {@code index}; routes are evaluated in order, first match wins. */
    public RoutingPolicy insertingRoute(int index, HttpRoute route) {
        List<HttpRoute> copy = new ArrayList<>(http);
        copy.add(index, route);
        return new RoutingPolicy(namespace, name, hosts, gateways, copy);
    }

    public RoutingPolicy removingRoute(int index) {
        List<HttpRoute> copy = new ArrayList<>(http);
        copy.remove(index);
        return new RoutingPolicy(namespace, name, hosts, gateways, copy);
    }

    /**
     * The route that carries default traffic, which the canary slider moves: the last route without a match
     * condition, else the first route (the same choice discovery makes for traffic shares).
     */
    public int catchAllRoute() {
        for (int i = http.size() - 1; i >= 0; i--) {
            if (http.get(i).catchesAll()) {
                return i;
            }
        }
        if (http.isEmpty()) {
            throw new IllegalStateException("VirtualService " + namespace + "/" + name + " has no HTTP routes");
        }
        return 0;
    }

    public VirtualService toVirtualService() {
        return applyTo(new VirtualServiceBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().endSpec()
                .build());
    }

    /** Writes hosts, gateways and routes onto a live VirtualService, keeping everything else it has. */
    public VirtualService applyTo(VirtualService existing) {
        io.fabric8.istio.api.api.networking.v1alpha3.VirtualService spec = existing.getSpec() == null
                ? new io.fabric8.istio.api.api.networking.v1alpha3.VirtualService() : existing.getSpec();
        List<HTTPRoute> current = spec.getHttp() == null ? List.of() : spec.getHttp();
        List<HTTPRoute> routes = new ArrayList<>();
        for (int i = 0; i < http.size(); i++) {
            routes.add(http.get(i).applyTo(i < current.size() ? current.get(i) : new HTTPRoute()));
        }
        return new VirtualServiceBuilder(existing)
                .withSpec(new io.fabric8.istio.api.api.networking.v1alpha3.VirtualServiceBuilder(spec)
                        .withHosts(hosts)
                        .withGateways(gateways.isEmpty() ? null : gateways)
                        .withHttp(routes)
                        .build())
                .build();
    }

    public static RoutingPolicy from(VirtualService vs) {
        var spec = vs.getSpec();
        List<HttpRoute> routes = spec.getHttp() == null ? List.of() : spec.getHttp().stream().map(HttpRoute::from).toList();
        return new RoutingPolicy(vs.getMetadata().getNamespace(), vs.getMetadata().getName(),
                spec.getHosts() == null ? List.of() : spec.getHosts(), spec.getGateways(), routes);
    }
}
