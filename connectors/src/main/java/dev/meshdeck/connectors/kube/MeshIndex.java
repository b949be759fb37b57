package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.TrafficShare;
import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelector;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The cluster's Services, pods and Istio policies indexed by namespace, Service and label, so each function's
 * mesh status, routed traffic and endpoints are looked up rather than joined against every object.
 */
final class MeshIndex {

    /** Istio's root namespace: policies here without a selector apply mesh-wide. */
    static final String ROOT_NAMESPACE = "istio-system";

    private final LabelIndex<Pod> pods;
    private final LabelIndex<Deployment> deployments;
    private final Map<ServiceRef, Endpoints> endpoints = new HashMap<>();
    /** VirtualServices by the Services named in {@code spec.hosts}: these define a Service's routing. */
    private final Map<ServiceRef, List<VirtualService>> routingVirtualServices = new HashMap<>();
    /** VirtualServices by every Service they name, in hosts or as a route destination. */
    private final Map<ServiceRef, List<VirtualService>> referringVirtualServices = new HashMap<>();
    private final Map<ServiceRef, List<DestinationRule>> destinationRules = new HashMap<>();
    private final Map<String, List<Policy>> authorizationPolicies;
    private final Map<String, List<Policy>> peerAuthentications;
    private final Map<String, List<Policy>> requestAuthentications;

    /** An Istio security policy reduced to what decides where it applies. */
    private record Policy(String namespace, String name, WorkloadSelector selector) {
        String ref() {
            return namespace + "/" + name;
        }
    }

    MeshIndex(ClusterObjects objects) {
        pods = new LabelIndex<>(objects.get(KubeKind.PODS));
        deployments = new LabelIndex<>(objects.get(KubeKind.DEPLOYMENTS));
        objects.get(KubeKind.ENDPOINTS).forEach(e -> endpoints.put(refOf(e), e));
        objects.get(KubeKind.VIRTUAL_SERVICES).forEach(this::indexVirtualService);
        for (DestinationRule dr : objects.get(KubeKind.DESTINATION_RULES)) {
            ServiceRef target = dr.getSpec() == null ? null
                    : ServiceRef.resolve(dr.getSpec().getHost(), dr.getMetadata().getNamespace());
            if (target != null) {
                destinationRules.computeIfAbsent(target, t -> new ArrayList<>()).add(dr);
            }
        }
        authorizationPolicies = byNamespace(objects.get(KubeKind.AUTHORIZATION_POLICIES),
                ap -> ap.getSpec() == null ? null : ap.getSpec().getSelector());
        peerAuthentications = byNamespace(objects.get(KubeKind.PEER_AUTHENTICATIONS),
                pa -> pa.getSpec() == null ? null : pa.getSpec().getSelector());
        requestAuthentications = byNamespace(objects.get(KubeKind.REQUEST_AUTHENTICATIONS),
                ra -> ra.getSpec() == null ? null : ra.getSpec().getSelector());
    }

    private void indexVirtualService(VirtualService vs) {
        String ns = vs.getMetadata().getNamespace();
        if (vs.getSpec() == null) {
            return;
        }
        Set<ServiceRef> hosts = new LinkedHashSet<>();
        for (String host : nullSafe(vs.getSpec().getHosts())) {
            ServiceRef ref = ServiceRef.resolve(host, ns);
            if (ref != null && hosts.add(ref)) {
                routingVirtualServices.computeIfAbsent(ref, r -> new ArrayList<>()).add(vs);
            }
        }
        Set<ServiceRef> referred = new LinkedHashSet<>(hosts);
        for (HTTPRoute route : nullSafe(vs.getSpec().getHttp())) {
            for (HTTPRouteDestination d : nullSafe(route.getRoute())) {
                Destination dest = d.getDestination();
                ServiceRef ref = dest == null ? null : ServiceRef.resolve(dest.getHost(), ns);
                if (ref != null) {
                    referred.add(ref);
                }
            }
        }
        referred.forEach(ref -> referringVirtualServices.computeIfAbsent(ref, r -> new ArrayList<>()).add(vs));
    }

    private static <T extends HasMetadata> Map<String, List<Policy>> byNamespace(
            List<T> policies, Function<T, WorkloadSelector> selector) {
        Map<String, List<Policy>> index = new HashMap<>();
        for (T p : policies) {
            String ns = p.getMetadata().getNamespace();
            index.computeIfAbsent(ns, n -> new ArrayList<>())
                    .add(new Policy(ns, p.getMetadata().getName(), selector.apply(p)));
        }
        return index;
    }

    List<Pod> pods(Workload w) {
        return pods.selectAny(w.namespace(), w.podSelectors());
    }

    List<Deployment> deployments(String namespace, Map<String, String> selector) {
        return deployments.select(namespace, selector);
    }

    MeshStatus meshStatus(Workload w, List<Pod> functionPods) {
        List<ServiceRef> services = w.services().stream().map(s -> new ServiceRef(w.namespace(), s)).toList();
        Set<String> vs = new TreeSet<>();
        Set<String> dr = new TreeSet<>();
        for (ServiceRef s : services) {
            referringVirtualServices.getOrDefault(s, List.of()).forEach(v -> vs.add(qualifiedName(v)));
            destinationRules.getOrDefault(s, List.of()).forEach(d -> dr.add(qualifiedName(d)));
        }
        List<Map<String, String>> podLabels = new ArrayList<>(w.podTemplates());
        functionPods.forEach(p -> podLabels.add(Labels.of(p)));
        return new MeshStatus(
                functionPods.stream().anyMatch(MeshIndex::hasSidecar),
                List.copyOf(vs), List.copyOf(dr),
                applicable(authorizationPolicies, w.namespace(), podLabels),
                applicable(peerAuthentications, w.namespace(), podLabels),
                applicable(requestAuthentications, w.namespace(), podLabels));
    }

    private static List<String> applicable(Map<String, List<Policy>> policies, String namespace,
                                           List<Map<String, String>> podLabels) {
        Set<String> refs = new TreeSet<>();
        for (Policy p : policies.getOrDefault(namespace, List.of())) {
            Map<String, String> wanted = p.selector() == null ? null : p.selector().getMatchLabels();
            if (wanted == null || wanted.isEmpty() || podLabels.stream().anyMatch(l -> Labels.matches(wanted, l))) {
                refs.add(p.ref());
            }
        }
        if (!ROOT_NAMESPACE.equals(namespace)) {
            for (Policy p : policies.getOrDefault(ROOT_NAMESPACE, List.of())) {
                if (p.selector() == null || p.selector().getMatchLabels() == null || p.selector().getMatchLabels().isEmpty()) {
                    refs.add(p.ref());
                }
            }
        }
        return List.copyOf(refs);
    }

    private static boolean hasSidecar(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        if (annotations != null && annotations.containsKey("sidecar.istio.io/status")) {
            return true;
        }
        if (pod.getSpec() == null) {
            return false;
        }
        // Istio 1.19+ may inject the proxy as a native sidecar, i.e. an init container.
        return Stream.concat(nullSafe(pod.getSpec().getContainers()).stream(), nullSafe(pod.getSpec().getInitContainers()).stream())
                .map(Container::getName)
                .anyMatch("istio-proxy"::equals);
    }

    /**
     * The traffic split the VirtualService routing {@code service} declares: the destinations of its catch-all
     * http route (the last route without {@code match}, else the first), empty when no VirtualService routes it.
     */
    Optional<List<TrafficShare>> routedTraffic(String namespace, String service) {
        Optional<VirtualService> vs = routingVirtualServices.getOrDefault(new ServiceRef(namespace, service), List.of())
                .stream()
                .filter(v -> !nullSafe(v.getSpec().getHttp()).isEmpty())
                .min(Comparator.comparing(MeshIndex::qualifiedName));
        return vs.map(v -> sharesOf(catchAllRoute(v.getSpec().getHttp())));
    }

    private static HTTPRoute catchAllRoute(List<HTTPRoute> routes) {
        for (int i = routes.size() - 1; i >= 0; i--) {
            if (nullSafe(routes.get(i).getMatch()).isEmpty()) {
                return routes.get(i);
            }
        }
        return routes.get(0);
    }

    private static List<TrafficShare> sharesOf(HTTPRoute route) {
        List<HTTPRouteDestination> destinations = nullSafe(route.getRoute());
        List<TrafficShare> shares = new ArrayList<>();
        for (HTTPRouteDestination d : destinations) {
            Destination dest = d.getDestination();
            if (dest == null) {
                continue;
            }
            String version = dest.getSubset() != null && !dest.getSubset().isEmpty() ? dest.getSubset()
                    : shortName(dest.getHost());
            int percent = d.getWeight() != null ? d.getWeight() : destinations.size() == 1 ? 100 : 0;
            shares.add(new TrafficShare(version, percent));
        }
        return shares;
    }

    private static String shortName(String host) {
        if (host == null) {
            return "";
        }
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }

    /**
     * Ready endpoint addresses behind the function: those of its primary Service when that has Endpoints,
     * else the sum over its other Services (version Services select disjoint pods; the primary selects all).
     */
    int readyEndpoints(Workload w) {
        Endpoints primary = endpoints.get(new ServiceRef(w.namespace(), w.primaryService()));
        if (primary != null) {
            return readyAddresses(primary);
        }
        return w.services().stream()
                .map(s -> endpoints.get(new ServiceRef(w.namespace(), s)))
                .filter(e -> e != null)
                .mapToInt(MeshIndex::readyAddresses)
                .sum();
    }

    private static int readyAddresses(Endpoints e) {
        return nullSafe(e.getSubsets()).stream()
                .map(EndpointSubset::getAddresses)
                .mapToInt(a -> a == null ? 0 : a.size())
                .sum();
    }

    private static ServiceRef refOf(HasMetadata o) {
        return new ServiceRef(o.getMetadata().getNamespace(), o.getMetadata().getName());
    }

    /** "namespace/name", the form {@link MeshStatus} lists policies in. */
    static String qualifiedName(HasMetadata o) {
        return o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
