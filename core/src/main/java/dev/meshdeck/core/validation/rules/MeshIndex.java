package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.meshdeck.core.validation.Hosts;
import dev.meshdeck.core.validation.PodTemplates;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Selectors;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the networking rules look things up in, built once per validation through
 * {@link ValidationContext#index}: the service registry as Istio's analyzers see it (Services, Knative
 * Services and ServiceEntries by scope and FQDN), workloads by label, Gateways and Secrets by name.
 */
final class MeshIndex {

    static final String ISTIO_NETWORKING = "networking.istio.io";
    static final String GATEWAY_API = "gateway.networking.k8s.io";
    static final String KNATIVE_SERVING = "serving.knative.dev";
    static final String EXPORT_TO_ANNOTATION = "networking.istio.io/exportTo";
    /** Istio's default MeshConfig rootNamespace: mesh-wide defaults and the shared gateways live there. */
    static final String ROOT_NAMESPACE = "istio-system";

    /** A host in the registry: its source object, its port numbers, and the workloads it selects. */
    record ServiceHost(Resource source, List<Long> ports, JsonNode workloadSelector, String namespace) {
        boolean isServiceEntry() {
            return source.kind().equals("ServiceEntry");
        }
    }

    /** Something that runs pods: a Pod, or the pod template of a Deployment-like or Knative Service. */
    record Workload(Resource source, String namespace, JsonNode labels, String nodeName) {
        JsonNode containers() {
            JsonNode spec = source.kind().equals("Pod") ? source.spec() : podTemplateSpec(source);
            return spec.path("containers");
        }
    }

    private record WildcardHost(String scope, String host, ServiceHost entry) {
    }

    private final boolean live;
    private final Map<String, ServiceHost> registry = new HashMap<>();
    private final List<WildcardHost> wildcardHosts = new ArrayList<>();
    private final boolean knowsKubernetesServices;
    private final boolean knowsServiceEntries;
    private final List<Resource> kubernetesServices = new ArrayList<>();
    private final Map<String, List<Resource>> kubernetesServicesByNamespace = new HashMap<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final Map<String, List<Workload>> workloadsByLabel = new HashMap<>();
    private final Map<Workload, List<Resource>> servicesSelecting = new IdentityHashMap<>();
    private final Map<String, Resource> istioGateways = new HashMap<>();
    private final Map<String, Resource> kubernetesGateways = new HashMap<>();
    private final Map<String, Resource> secrets = new HashMap<>();
    private final Map<String, JsonNode> nodeLabels = new HashMap<>();

    static MeshIndex of(ValidationContext context) {
        return context.index(MeshIndex.class, MeshIndex::new);
    }

    private MeshIndex(ValidationContext context) {
        live = context.live();
        boolean services = false;
        boolean entries = false;
        // ServiceEntries first, then Services overwrite the same scoped FQDN, as Istio's InitServiceEntryHostMap.
        for (Resource se : context.ofKind("ServiceEntry")) {
            entries = true;
            List<Long> ports = new ArrayList<>();
            se.spec().path("ports").forEach(p -> ports.add(p.path("number").asLong()));
            ServiceHost entry = new ServiceHost(se, ports, se.spec().path("workloadSelector").path("labels"), se.namespace());
            List<String> scopes = exportScopes(se.spec().path("exportTo"), se.namespace());
            for (JsonNode h : se.spec().path("hosts")) {
                for (String scope : scopes) {
                    put(scope, Hosts.qualify(h.asText(""), se.namespace()), entry);
                }
            }
        }
        for (Resource svc : context.ofKind("Service")) {
            if (svc.group().equals(KNATIVE_SERVING)) {
                // Knative Services alone do not make the registry known: an export of mesh policy carries
                // them without the core Services its routes point at.
                put("*", Hosts.ofService(svc.name(), svc.namespace()),
                        new ServiceHost(svc, List.of(80L), JsonNodeFactory.instance.objectNode(), svc.namespace()));
                addWorkload(svc, PodTemplates.asPod(svc).tree().path("metadata").path("labels"), "");
            } else if (svc.group().isEmpty()) {
                services = true;
                kubernetesServices.add(svc);
                kubernetesServicesByNamespace.computeIfAbsent(svc.namespace(), n -> new ArrayList<>()).add(svc);
                List<Long> ports = new ArrayList<>();
                svc.spec().path("ports").forEach(p -> ports.add(p.path("port").asLong()));
                ServiceHost entry = new ServiceHost(svc, ports, JsonNodeFactory.instance.objectNode(), svc.namespace());
                for (String scope : annotationScopes(svc)) {
                    put(scope, Hosts.ofService(svc.name(), svc.namespace()), entry);
                }
            }
        }
        knowsKubernetesServices = live || services;
        knowsServiceEntries = live || entries;
        for (Resource r : context.all()) {
            if (r.kind().equals("Pod") && r.group().isEmpty()) {
                addWorkload(r, r.tree().path("metadata").path("labels"), r.spec().path("nodeName").asText(""));
            } else if (PodTemplates.isController(r)) {
                addWorkload(r, PodTemplates.of(r).path("metadata").path("labels"), "");
            } else if (r.kind().equals("Gateway") && r.group().equals(ISTIO_NETWORKING)) {
                istioGateways.put(r.namespace() + "/" + r.name(), r);
            } else if (r.kind().equals("Gateway") && r.group().equals(GATEWAY_API)) {
                kubernetesGateways.put(r.namespace() + "/" + r.name(), r);
            } else if (r.kind().equals("Secret") && r.group().isEmpty()) {
                secrets.put(r.namespace() + "/" + r.name(), r);
            } else if (r.kind().equals("Node") && r.group().isEmpty()) {
                nodeLabels.put(r.name(), r.tree().path("metadata").path("labels"));
            }
        }
        workloadKinds = live || !workloads.isEmpty() || context.knows("Pod");
    }

    private final boolean workloadKinds;

    private void put(String scope, String fqdn, ServiceHost entry) {
        registry.put(scope + "/" + fqdn, entry);
        if (fqdn.startsWith("*")) {
            wildcardHosts.add(new WildcardHost(scope, fqdn, entry));
        }
    }

    private void addWorkload(Resource source, JsonNode labels, String nodeName) {
        Workload w = new Workload(source, source.namespace(), labels.isObject() ? labels : JsonNodeFactory.instance.objectNode(), nodeName);
        workloads.add(w);
        w.labels().fields().forEachRemaining(e ->
                workloadsByLabel.computeIfAbsent(e.getKey() + "=" + e.getValue().asText(), k -> new ArrayList<>()).add(w));
    }

    /** Istio's exportTo scopes of a ServiceEntry: "*" when empty, "." meaning its own namespace. */
    static List<String> exportScopes(JsonNode exportTo, String namespace) {
        if (!exportTo.isArray() || exportTo.isEmpty()) {
            return List.of("*");
        }
        List<String> scopes = new ArrayList<>();
        for (JsonNode e : exportTo) {
            String s = e.asText("");
            if (s.equals("*")) {
                return List.of("*");
            }
            scopes.add(s.equals(".") ? namespace : s);
        }
        return scopes;
    }

    private static List<String> annotationScopes(Resource svc) {
        String annotation = svc.tree().path("metadata").path("annotations").path(EXPORT_TO_ANNOTATION).asText("");
        if (annotation.isEmpty()) {
            return List.of("*");
        }
        List<String> scopes = new ArrayList<>();
        for (String ns : annotation.split(",")) {
            scopes.add(ns.equals(".") ? svc.namespace() : ns);
        }
        return scopes;
    }

    static JsonNode podTemplateSpec(Resource workload) {
        return PodTemplates.of(workload).path("spec");
    }

    /**
     * The registry entry a reference to {@code host} from namespace {@code sourceNamespace} (with the
     * referring object's {@code exportTo}) reaches, or null: Istio's {@code GetDestinationHost}.
     */
    ServiceHost lookup(String sourceNamespace, JsonNode exportTo, String host) {
        String fqdn = Hosts.qualify(host, sourceNamespace);
        ServiceHost found = registry.get("*/" + fqdn);
        if (found != null) {
            return found;
        }
        if (!exportTo.isArray() || exportTo.isEmpty()) {
            found = registry.get(sourceNamespace + "/" + fqdn);
        } else {
            for (JsonNode e : exportTo) {
                String scope = e.asText("").equals(".") ? sourceNamespace : e.asText("");
                found = registry.get(scope + "/" + fqdn);
                if (found != null) {
                    break;
                }
            }
        }
        if (found != null) {
            return found;
        }
        String bare = host.startsWith("*") ? host.substring(1) : host;
        for (WildcardHost w : wildcardHosts) {
            if ((w.scope().equals("*") || w.scope().equals(sourceNamespace)) && bare.endsWith(w.host().substring(1))) {
                return w.entry();
            }
        }
        return null;
    }

    /**
     * Whether any registry host visible from {@code namespace} falls within the wildcard {@code pattern}
     * ("*.example.com"). Scans the registry: for the rare wildcard references, not per route.
     */
    boolean anyHostWithin(String pattern, String namespace) {
        for (Map.Entry<String, ServiceHost> e : registry.entrySet()) {
            int slash = e.getKey().indexOf('/');
            String scope = e.getKey().substring(0, slash);
            if ((scope.equals("*") || scope.equals(namespace)) && Hosts.overlap(pattern, e.getKey().substring(slash + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the absence of {@code host} from the registry means something: live, or the inputs hold the
     * kind that would define it (Services for cluster-local names, ServiceEntries for the rest).
     */
    boolean canJudgeHost(String host, String namespace) {
        String fqdn = Hosts.qualify(host, namespace);
        return fqdn.endsWith(Hosts.CLUSTER_SUFFIX) ? knowsKubernetesServices : knowsServiceEntries;
    }

    boolean knowsServiceEntries() {
        return knowsServiceEntries;
    }

    boolean knowsWorkloads() {
        return workloadKinds;
    }

    boolean knowsKubernetesServices() {
        return knowsKubernetesServices;
    }

    boolean live() {
        return live;
    }

    List<Workload> workloads() {
        return workloads;
    }

    /** Workloads in any namespace ({@code namespace} null) or one namespace whose labels satisfy {@code selector}. */
    List<Workload> selectWorkloads(JsonNode selector, String namespace) {
        List<Workload> candidates = workloads;
        if (selector.isObject() && !selector.isEmpty()) {
            var fields = selector.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                List<Workload> withLabel = workloadsByLabel.getOrDefault(e.getKey() + "=" + e.getValue().asText(), List.of());
                if (withLabel.size() < candidates.size()) {
                    candidates = withLabel;
                }
            }
        }
        List<Workload> selected = new ArrayList<>();
        for (Workload w : candidates) {
            if ((namespace == null || w.namespace().equals(namespace))
                    && (!selector.isObject() || Selectors.selects(selector, w.labels()))) {
                selected.add(w);
            }
        }
        return selected;
    }

    /** Kubernetes Services of the workload's namespace whose (non-empty) selector matches its labels. */
    List<Resource> servicesSelecting(Workload w) {
        return servicesSelecting.computeIfAbsent(w, k -> {
            List<Resource> out = new ArrayList<>();
            for (Resource svc : kubernetesServicesByNamespace.getOrDefault(k.namespace(), List.of())) {
                JsonNode selector = svc.spec().path("selector");
                if (selector.isObject() && !selector.isEmpty() && Selectors.selects(selector, k.labels())) {
                    out.add(svc);
                }
            }
            return out;
        });
    }

    /** Labels of the Node a workload runs on (empty when unknown). */
    JsonNode nodeLabels(String nodeName) {
        return nodeLabels.getOrDefault(nodeName, JsonNodeFactory.instance.objectNode());
    }

    Resource istioGateway(String namespaceAndName) {
        return istioGateways.get(namespaceAndName);
    }

    Resource kubernetesGateway(String namespaceAndName) {
        return kubernetesGateways.get(namespaceAndName);
    }

    boolean knowsGateways() {
        return live || !istioGateways.isEmpty() || !kubernetesGateways.isEmpty();
    }

    Resource secret(String namespaceAndName) {
        return secrets.get(namespaceAndName);
    }

    boolean knowsSecrets() {
        return live || !secrets.isEmpty();
    }

    /** Istio's {@code NewShortOrFullName}: "ns/name" as written, else {@code namespace + "/" + name}. */
    static String fullName(String defaultNamespace, String name) {
        return name.contains("/") ? name : defaultNamespace + "/" + name;
    }
}
