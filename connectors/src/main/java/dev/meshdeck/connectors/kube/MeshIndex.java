package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.TrafficShare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cluster's Services, pods and Istio policies indexed by namespace, Service and label, so each function's
 * mesh status, routed traffic and endpoints are looked up rather than joined against every object.
 */
final class MeshIndex {

    /** Istio's root namespace: policies here without a selector apply mesh-wide. */
    static final String ROOT_NAMESPACE = "istio-system";

    private final LabelIndex<Listed.Pod> pods;
    private final LabelIndex<Listed.Deployment> deployments;
    private final Map<ServiceRef, Listed.Endpoints> endpoints = new HashMap<>();
    /** VirtualServices by the Services named in {@code spec.hosts}: these define a Service's routing. */
    private final Map<ServiceRef, List<Listed.VirtualService>> routingVirtualServices = new HashMap<>();
    /** VirtualServices by every Service they name, in hosts or as a route destination. */
    private final Map<ServiceRef, List<Listed.VirtualService>> referringVirtualServices = new HashMap<>();
    private final Map<ServiceRef, List<Listed.DestinationRule>> destinationRules = new HashMap<>();
    private final Policies authorizationPolicies;
    private final Policies peerAuthentications;
    private final Policies requestAuthentications;

    MeshIndex(ClusterObjects objects) {
        pods = new LabelIndex<>(objects.<Listed.Pod>get(KubeKind.PODS));
        deployments = new LabelIndex<>(objects.<Listed.Deployment>get(KubeKind.DEPLOYMENTS));
        objects.<Listed.Endpoints>get(KubeKind.ENDPOINTS).forEach(e -> endpoints.put(new ServiceRef(e.namespace(), e.name()), e));
        objects.<Listed.VirtualService>get(KubeKind.VIRTUAL_SERVICES).forEach(this::indexVirtualService);
        for (Listed.DestinationRule dr : objects.<Listed.DestinationRule>get(KubeKind.DESTINATION_RULES)) {
            ServiceRef target = ServiceRef.resolve(dr.host(), dr.namespace());
            if (target != null) {
                destinationRules.computeIfAbsent(target, t -> new ArrayList<>()).add(dr);
            }
        }
        authorizationPolicies = new Policies(objects.get(KubeKind.AUTHORIZATION_POLICIES));
        peerAuthentications = new Policies(objects.get(KubeKind.PEER_AUTHENTICATIONS));
        requestAuthentications = new Policies(objects.get(KubeKind.REQUEST_AUTHENTICATIONS));
    }

    private void indexVirtualService(Listed.VirtualService vs) {
        String ns = vs.namespace();
        Set<ServiceRef> hosts = new LinkedHashSet<>();
        for (String host : vs.hosts()) {
            ServiceRef ref = ServiceRef.resolve(host, ns);
            if (ref != null && hosts.add(ref)) {
                routingVirtualServices.computeIfAbsent(ref, r -> new ArrayList<>()).add(vs);
            }
        }
        Set<ServiceRef> referred = new LinkedHashSet<>(hosts);
        for (Listed.HttpRoute route : vs.http()) {
            for (Listed.RouteDestination d : route.route()) {
                ServiceRef ref = ServiceRef.resolve(d.host(), ns);
                if (ref != null) {
                    referred.add(ref);
                }
            }
        }
        referred.forEach(ref -> referringVirtualServices.computeIfAbsent(ref, r -> new ArrayList<>()).add(vs));
    }


    List<Listed.Pod> pods(Workload w) {
        return pods.selectAny(w.namespace(), w.podSelectors());
    }

    List<Listed.Deployment> deployments(String namespace, Map<String, String> selector) {
        return deployments.select(namespace, selector);
    }

    MeshStatus meshStatus(Workload w, List<Listed.Pod> functionPods) {
        List<ServiceRef> services = w.services().stream().map(s -> new ServiceRef(w.namespace(), s)).toList();
        Set<String> vs = new TreeSet<>();
        Set<String> dr = new TreeSet<>();
        for (ServiceRef s : services) {
            referringVirtualServices.getOrDefault(s, List.of()).forEach(v -> vs.add(v.qualifiedName()));
            destinationRules.getOrDefault(s, List.of()).forEach(d -> dr.add(d.qualifiedName()));
        }
        List<Map<String, String>> podLabels = new ArrayList<>(w.podTemplates());
        functionPods.forEach(p -> podLabels.add(p.labels()));
        return new MeshStatus(
                functionPods.stream().anyMatch(Listed.Pod::sidecar),
                List.copyOf(vs), List.copyOf(dr),
                authorizationPolicies.applicable(w.namespace(), podLabels),
                peerAuthentications.applicable(w.namespace(), podLabels),
                requestAuthentications.applicable(w.namespace(), podLabels));
    }

    /**
     * One kind of security policy by namespace: those for every workload, and the others by one label of their
     * selector (a workload they select carries all of them), so a function meets only the policies that may apply.
     */
    private static final class Policies {

        private final Map<String, List<Listed.Policy>> everyWorkload = new HashMap<>();
        private final Map<String, Map<String, List<Listed.Policy>>> bySelectorLabel = new HashMap<>();

        Policies(List<Listed.Policy> policies) {
            for (Listed.Policy p : policies) {
                if (p.selectsAll()) {
                    everyWorkload.computeIfAbsent(p.namespace(), n -> new ArrayList<>()).add(p);
                } else {
                    Map.Entry<String, String> label = p.selector().entrySet().iterator().next();
                    bySelectorLabel.computeIfAbsent(p.namespace(), n -> new HashMap<>())
                            .computeIfAbsent(label.getKey() + "=" + label.getValue(), l -> new ArrayList<>()).add(p);
                }
            }
        }

        /** Policies of the namespace that select one of the pod label sets, and the root namespace's mesh-wide ones. */
        List<String> applicable(String namespace, List<Map<String, String>> podLabels) {
            Set<String> refs = new TreeSet<>();
            everyWorkload.getOrDefault(namespace, List.of()).forEach(p -> refs.add(p.qualifiedName()));
            Map<String, List<Listed.Policy>> selecting = bySelectorLabel.getOrDefault(namespace, Map.of());
            if (!selecting.isEmpty()) {
                for (Map<String, String> labels : podLabels) {
                    labels.forEach((key, value) -> {
                        for (Listed.Policy p : selecting.getOrDefault(key + "=" + value, List.of())) {
                            if (Labels.matches(p.selector(), labels)) {
                                refs.add(p.qualifiedName());
                            }
                        }
                    });
                }
            }
            if (!ROOT_NAMESPACE.equals(namespace)) {
                everyWorkload.getOrDefault(ROOT_NAMESPACE, List.of()).forEach(p -> refs.add(p.qualifiedName()));
            }
            return List.copyOf(refs);
        }
    }

    /**
     * The traffic split the VirtualService routing {@code service} declares: the destinations of its catch-all
     * http route (the last route without {@code match}, else the first), empty when no VirtualService routes it.
     */
    Optional<List<TrafficShare>> routedTraffic(String namespace, String service) {
        Optional<Listed.VirtualService> vs = routingVirtualServices.getOrDefault(new ServiceRef(namespace, service), List.of())
                .stream()
                .filter(v -> !v.http().isEmpty())
                .min(Comparator.comparing(Listed.VirtualService::qualifiedName));
        return vs.map(v -> sharesOf(catchAllRoute(v.http())));
    }

    private static Listed.HttpRoute catchAllRoute(List<Listed.HttpRoute> routes) {
        for (int i = routes.size() - 1; i >= 0; i--) {
            if (!routes.get(i).matched()) {
                return routes.get(i);
            }
        }
        return routes.get(0);
    }

    private static List<TrafficShare> sharesOf(Listed.HttpRoute route) {
        List<Listed.RouteDestination> destinations = route.route();
        List<TrafficShare> shares = new ArrayList<>();
        for (Listed.RouteDestination d : destinations) {
            if (!d.hasDestination()) {
                continue;
            }
            String version = d.subset() != null && !d.subset().isEmpty() ? d.subset() : shortName(d.host());
            int percent = d.weight() != null ? d.weight() : destinations.size() == 1 ? 100 : 0;
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
        Listed.Endpoints primary = endpoints.get(new ServiceRef(w.namespace(), w.primaryService()));
        if (primary != null) {
            return primary.readyAddresses();
        }
        return w.services().stream()
                .map(s -> endpoints.get(new ServiceRef(w.namespace(), s)))
                .filter(e -> e != null)
                .mapToInt(Listed.Endpoints::readyAddresses)
                .sum();
    }
}
