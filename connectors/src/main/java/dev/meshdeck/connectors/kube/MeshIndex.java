package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.InheritedPolicy;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.PolicyKind;
import dev.meshdeck.core.inventory.PolicyScope;
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
import java.util.concurrent.CompletableFuture;

/**
 * The cluster's Services, pods and Istio policies indexed by namespace, Service and label, so each function's
 * mesh status, routed traffic and endpoints are looked up rather than joined against every object.
 */
final class MeshIndex {

    /** Istio's root namespace: policies here without a selector apply mesh-wide. */
    static final String ROOT_NAMESPACE = "istio-system";
    private static final Set<String> MESH_WIDE_HOSTS = Set.of("*", "*.local", "*.cluster.local", "*.svc.cluster.local");

    private final LabelIndex<Listed.Pod> pods;
    private final LabelIndex<Listed.Deployment> deployments;
    private final Map<ServiceRef, Listed.Endpoints> endpoints = new HashMap<>();
    /** VirtualServices by the Services named in {@code spec.hosts}: these define a Service's routing. */
    private final Map<ServiceRef, List<Listed.VirtualService>> routingVirtualServices = new HashMap<>();
    /** VirtualServices by every Service they name, in hosts or as a route destination. */
    private final Map<ServiceRef, List<Listed.VirtualService>> referringVirtualServices = new HashMap<>();
    private final Map<ServiceRef, List<Listed.DestinationRule>> destinationRules = new HashMap<>();
    /** DestinationRules whose host is a wildcard over one namespace's Services, by that namespace. */
    private final Map<String, List<Listed.DestinationRule>> namespaceWideRules = new HashMap<>();
    /** DestinationRules whose host is a wildcard over every namespace ({@code *.local}, {@code *}, ...). */
    private final List<Listed.DestinationRule> meshWideRules = new ArrayList<>();
    private final Policies authorizationPolicies;
    private final Policies peerAuthentications;
    private final Policies requestAuthentications;

    MeshIndex(ClusterObjects objects) {
        // the largest index is built on another core while this one indexes the rest
        CompletableFuture<LabelIndex<Listed.Pod>> podIndex = CompletableFuture.supplyAsync(
                () -> new LabelIndex<>(objects.<Listed.Pod>get(KubeKind.PODS)));
        deployments = new LabelIndex<>(objects.<Listed.Deployment>get(KubeKind.DEPLOYMENTS));
        objects.<Listed.Endpoints>get(KubeKind.ENDPOINTS).forEach(e -> endpoints.put(new ServiceRef(e.namespace(), e.name()), e));
        objects.<Listed.VirtualService>get(KubeKind.VIRTUAL_SERVICES).forEach(this::indexVirtualService);
        for (Listed.DestinationRule dr : objects.<Listed.DestinationRule>get(KubeKind.DESTINATION_RULES)) {
            ServiceRef target = ServiceRef.resolve(dr.host(), dr.namespace());
            if (target != null) {
                destinationRules.computeIfAbsent(target, t -> new ArrayList<>()).add(dr);
            } else {
                indexWildcard(dr);
            }
        }
        authorizationPolicies = new Policies(objects.get(KubeKind.AUTHORIZATION_POLICIES));
        peerAuthentications = new Policies(objects.get(KubeKind.PEER_AUTHENTICATIONS));
        requestAuthentications = new Policies(objects.get(KubeKind.REQUEST_AUTHENTICATIONS));
        pods = podIndex.join();
    }

    /**
     * A wildcard host reaches every Service of a namespace ({@code *.NS.svc.cluster.local}, {@code *.NS.svc}) or of
     * the mesh ({@code *.svc.cluster.local}, {@code *.cluster.local}, {@code *.local}, {@code *}); Istio applies it
     * to a Service only when no rule names that Service's host more precisely.
     */
    private void indexWildcard(Listed.DestinationRule dr) {
        String host = dr.host();
        if (host == null || !host.startsWith("*")) {
            return;
        }
        if (MESH_WIDE_HOSTS.contains(host)) {
            meshWideRules.add(dr);
            return;
        }
        String rest = host.startsWith("*.") ? host.substring(2) : "";
        String namespace = rest.endsWith(".svc.cluster.local") ? rest.substring(0, rest.length() - ".svc.cluster.local".length())
                : rest.endsWith(".svc") ? rest.substring(0, rest.length() - ".svc".length()) : "";
        if (!namespace.isEmpty() && !namespace.contains(".")) {
            namespaceWideRules.computeIfAbsent(namespace, n -> new ArrayList<>()).add(dr);
        }
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
        List<InheritedPolicy.Scoped> scoped = new ArrayList<>();
        dr.forEach(ref -> scoped.add(new InheritedPolicy.Scoped(PolicyKind.DESTINATION_RULE, ref, PolicyScope.FUNCTION)));
        namespaceWideRules.getOrDefault(w.namespace(), List.of()).forEach(d -> scoped.add(
                new InheritedPolicy.Scoped(PolicyKind.DESTINATION_RULE, d.qualifiedName(), PolicyScope.NAMESPACE)));
        meshWideRules.forEach(d -> scoped.add(
                new InheritedPolicy.Scoped(PolicyKind.DESTINATION_RULE, d.qualifiedName(), PolicyScope.MESH)));
        List<InheritedPolicy.Scoped> ap = authorizationPolicies.applicable(PolicyKind.AUTHORIZATION_POLICY, w.namespace(), podLabels);
        List<InheritedPolicy.Scoped> pa = peerAuthentications.applicable(PolicyKind.PEER_AUTHENTICATION, w.namespace(), podLabels);
        List<InheritedPolicy.Scoped> ra = requestAuthentications.applicable(PolicyKind.REQUEST_AUTHENTICATION, w.namespace(), podLabels);
        scoped.addAll(ap);
        scoped.addAll(pa);
        scoped.addAll(ra);
        return new MeshStatus(
                functionPods.stream().anyMatch(Listed.Pod::sidecar),
                List.copyOf(vs), List.copyOf(dr), refs(ap), refs(pa), refs(ra), InheritedPolicy.decide(scoped));
    }

    private static List<String> refs(List<InheritedPolicy.Scoped> scoped) {
        return scoped.stream().map(InheritedPolicy.Scoped::ref).sorted().toList();
    }

    /**
     * One kind of security policy by namespace: those for every workload, and the others by one label of their
     * selector (a workload they select carries all of them), so a function meets only the policies that may apply.
     */
    private static final class Policies {

        private final Map<String, List<Listed.Policy>> everyWorkload = new HashMap<>();
        /** namespace → key → value of one label of the policy's selector → policies. */
        private final Map<String, Map<String, Map<String, List<Listed.Policy>>>> bySelectorLabel = new HashMap<>();

        Policies(List<Listed.Policy> policies) {
            for (Listed.Policy p : policies) {
                if (p.selectsAll()) {
                    everyWorkload.computeIfAbsent(p.namespace(), n -> new ArrayList<>()).add(p);
                } else {
                    Map.Entry<String, String> label = p.selector().entrySet().iterator().next();
                    bySelectorLabel.computeIfAbsent(p.namespace(), n -> new HashMap<>())
                            .computeIfAbsent(label.getKey(), k -> new HashMap<>())
                            .computeIfAbsent(label.getValue(), v -> new ArrayList<>()).add(p);
                }
            }
        }

        /**
         * Policies of the namespace that select one of the pod label sets, those of the whole namespace, and the
         * root namespace's mesh-wide ones, each with its scope.
         */
        List<InheritedPolicy.Scoped> applicable(PolicyKind kind, String namespace, List<Map<String, String>> podLabels) {
            Set<String> selected = new TreeSet<>();
            Map<String, Map<String, List<Listed.Policy>>> selecting = bySelectorLabel.getOrDefault(namespace, Map.of());
            if (!selecting.isEmpty()) {
                for (Map<String, String> labels : podLabels) {
                    labels.forEach((key, value) -> {
                        for (Listed.Policy p : selecting.getOrDefault(key, Map.of()).getOrDefault(value, List.of())) {
                            if (Labels.matches(p.selector(), labels)) {
                                selected.add(p.qualifiedName());
                            }
                        }
                    });
                }
            }
            List<InheritedPolicy.Scoped> scoped = new ArrayList<>();
            selected.forEach(ref -> scoped.add(new InheritedPolicy.Scoped(kind, ref, PolicyScope.FUNCTION)));
            PolicyScope wide = ROOT_NAMESPACE.equals(namespace) ? PolicyScope.MESH : PolicyScope.NAMESPACE;
            everyWorkload.getOrDefault(namespace, List.of())
                    .forEach(p -> scoped.add(new InheritedPolicy.Scoped(kind, p.qualifiedName(), wide)));
            if (!ROOT_NAMESPACE.equals(namespace)) {
                everyWorkload.getOrDefault(ROOT_NAMESPACE, List.of())
                        .forEach(p -> scoped.add(new InheritedPolicy.Scoped(kind, p.qualifiedName(), PolicyScope.MESH)));
            }
            return scoped;
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
