package dev.meshdeck.core.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The apiVersion/kind pairs MeshDeck knows: Istio, Knative Serving, OpenFaaS, Kubeless, the Prometheus
 * Operator's monitors and rules, and the core
 * Kubernetes kinds found in function manifests; with a live cluster, also every kind its CRDs serve.
 */
public final class KindRegistry {

    /** The group of MeshDeck's own LambdaAlias document (see the Lambda rules). */
    public static final String MESHDECK_LAMBDA_GROUP = "lambda.meshdeck.dev";
    public static final String MESHDECK_CLOUDRUN_GROUP = "cloudrun.meshdeck.dev";

    /** group -> kind -> served versions, newest first. */
    private final Map<String, Map<String, List<String>>> groups = new LinkedHashMap<>();

    private KindRegistry() {
    }

    public static KindRegistry builtIn() {
        KindRegistry r = new KindRegistry();
        List<String> istio3 = List.of("v1", "v1beta1", "v1alpha3");
        for (String k : List.of("VirtualService", "DestinationRule", "Gateway", "ServiceEntry", "Sidecar",
                "WorkloadEntry", "WorkloadGroup")) {
            r.add("networking.istio.io", k, istio3);
        }
        r.add("networking.istio.io", "EnvoyFilter", List.of("v1alpha3"));
        r.add("networking.istio.io", "ProxyConfig", List.of("v1beta1"));
        for (String k : List.of("AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication")) {
            r.add("security.istio.io", k, List.of("v1", "v1beta1"));
        }
        r.add("telemetry.istio.io", "Telemetry", List.of("v1", "v1alpha1"));
        r.add("extensions.istio.io", "WasmPlugin", List.of("v1alpha1"));
        r.add("extensions.istio.io", "TrafficExtension", List.of("v1alpha1"));
        for (String k : List.of("Service", "Configuration", "Revision", "Route")) {
            r.add("serving.knative.dev", k, List.of("v1"));
        }
        r.add("openfaas.com", "Function", List.of("v1"));
        r.add("openfaas.com", "Profile", List.of("v1"));
        r.add("kubeless.io", "Function", List.of("v1beta1"));
        r.add(MESHDECK_LAMBDA_GROUP, "LambdaAlias", List.of("v1"));
        r.add(MESHDECK_LAMBDA_GROUP, "LambdaProvisionedConcurrency", List.of("v1"));
        r.add(MESHDECK_CLOUDRUN_GROUP, "CloudRunService", List.of("v1"));
        for (String k : List.of("ServiceMonitor", "PodMonitor", "PrometheusRule")) {
            r.add("monitoring.coreos.com", k, List.of("v1"));
        }
        for (String k : List.of("Namespace", "Service", "Pod", "Endpoints", "Event", "ConfigMap", "Secret", "ServiceAccount",
                "PersistentVolumeClaim", "LimitRange", "ResourceQuota")) {
            r.add("", k, List.of("v1"));
        }
        for (String k : List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet")) {
            r.add("apps", k, List.of("v1"));
        }
        r.add("batch", "Job", List.of("v1"));
        r.add("batch", "CronJob", List.of("v1"));
        for (String k : List.of("Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding")) {
            r.add("rbac.authorization.k8s.io", k, List.of("v1"));
        }
        r.add("networking.k8s.io", "NetworkPolicy", List.of("v1"));
        r.add("networking.k8s.io", "Ingress", List.of("v1"));
        r.add("autoscaling", "HorizontalPodAutoscaler", List.of("v2", "v1"));
        r.add("policy", "PodDisruptionBudget", List.of("v1"));
        r.add("discovery.k8s.io", "EndpointSlice", List.of("v1"));
        r.add("apiextensions.k8s.io", "CustomResourceDefinition", List.of("v1"));
        return r;
    }

    /** The built-in kinds plus, replacing them where they overlap, the kinds and served versions of these CRDs. */
    public KindRegistry withCrds(List<JsonNode> crds) {
        KindRegistry r = new KindRegistry();
        groups.forEach((g, kinds) -> kinds.forEach((k, v) -> r.add(g, k, v)));
        for (JsonNode crd : crds) {
            String group = crd.path("spec").path("group").asText("");
            String kind = crd.path("spec").path("names").path("kind").asText("");
            List<String> served = new ArrayList<>();
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (v.path("served").asBoolean(true)) {
                    served.add(v.path("name").asText());
                }
            }
            if (!group.isEmpty() && !kind.isEmpty() && !served.isEmpty()) {
                r.groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(kind, List.copyOf(served));
            }
        }
        return r;
    }

    private void add(String group, String kind, List<String> versions) {
        groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(kind, versions);
    }

    public boolean knows(String group, String version, String kind) {
        return groups.getOrDefault(group, Map.of()).getOrDefault(kind, List.of()).contains(version);
    }

    /**
     * Judges an apiVersion/kind pair: empty when known; UNKNOWN_KIND (at /kind or /apiVersion) when the
     * group is known but not the kind or version, or the kind is known under another group; UNKNOWN_GROUP
     * when neither group nor kind mean anything to MeshDeck.
     */
    public Optional<Violation> judge(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        Map<String, List<String>> kinds = groups.get(group);
        if (kinds != null) {
            List<String> versions = kinds.get(kind);
            if (versions != null) {
                if (versions.contains(version)) {
                    return Optional.empty();
                }
                String served = String.join(", ", versions);
                return Optional.of(new Violation(ViolationType.UNKNOWN_KIND, "/apiVersion",
                        kind + " is not served at apiVersion " + apiVersion + "; served versions of " + group(group)
                                + ": " + served + Suggestions.closest(version, versions).map(v -> " — did you mean " + prefix(group) + v + "?")
                                .orElse(".") + " The API server would reject it: no matches for kind",
                        "no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\"", "registry"));
            }
            Optional<String> close = Suggestions.closest(kind, kinds.keySet());
            String elsewhere = groupServing(kind).map(g -> " " + kind + " belongs to " + g + ".").orElse("");
            return Optional.of(new Violation(ViolationType.UNKNOWN_KIND, "/kind",
                    "kind " + kind + " does not exist in " + group(group)
                            + close.map(c -> " — did you mean " + c + "?").orElse(".") + elsewhere
                            + (close.isEmpty() && elsewhere.isEmpty() ? " Known kinds: " + String.join(", ", new TreeSet<>(kinds.keySet())) : ""),
                    "no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\"", "registry"));
        }
        Optional<String> home = groupServing(kind);
        Optional<String> closeGroup = Suggestions.closest(group, groups.keySet());
        if (home.isPresent() && !kind.isEmpty()) {
            return Optional.of(new Violation(ViolationType.UNKNOWN_KIND, "/apiVersion",
                    "apiVersion " + apiVersion + " names an unknown API group; " + kind + " is served by " + home.get(),
                    "no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\"", "registry"));
        }
        return Optional.of(new Violation(ViolationType.UNKNOWN_GROUP, "/apiVersion",
                kind + " of " + apiVersion + " is not a kind MeshDeck knows: its fields were not validated"
                        + closeGroup.map(g -> " (did you mean group " + g + "?)").orElse(""),
                "", "registry"));
    }

    /** "networking.istio.io/v1" for the first group serving this kind, newest version first. */
    private Optional<String> groupServing(String kind) {
        for (Map.Entry<String, Map<String, List<String>>> g : groups.entrySet()) {
            List<String> versions = g.getValue().get(kind);
            if (versions != null) {
                return Optional.of(prefix(g.getKey()) + versions.get(0));
            }
        }
        return Optional.empty();
    }

    private static String prefix(String group) {
        return group.isEmpty() ? "" : group + "/";
    }

    private static String group(String group) {
        return group.isEmpty() ? "the core API group (apiVersion v1)" : group;
    }
}
