package dev.meshdeck.sandbox.kube;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource types the sandbox API knows: the Kubernetes built-ins MeshDeck reads and the custom resources of
 * Istio, Knative, OpenFaaS, Kubeless and the Prometheus Operator. Discovery documents and the sandbox's CRDs are
 * both derived from this one list, so kubectl, fabric8 and the CRUD store agree on plurals and scopes.
 */
public final class ApiCatalog {

    private static final List<ApiResourceType> TYPES = List.of(
            ApiResourceType.builtIn("", "v1", "Namespace", "namespaces", false, "ns"),
            ApiResourceType.builtIn("", "v1", "Pod", "pods", true, "po"),
            ApiResourceType.builtIn("", "v1", "Service", "services", true, "svc"),
            ApiResourceType.builtIn("", "v1", "Endpoints", "endpoints", true, "ep"),
            ApiResourceType.builtIn("", "v1", "Event", "events", true, "ev"),
            ApiResourceType.builtIn("", "v1", "ConfigMap", "configmaps", true, "cm"),
            ApiResourceType.builtIn("", "v1", "Secret", "secrets", true),
            ApiResourceType.builtIn("", "v1", "ServiceAccount", "serviceaccounts", true, "sa"),
            ApiResourceType.builtIn("apps", "v1", "Deployment", "deployments", true, "deploy"),
            ApiResourceType.builtIn("apps", "v1", "ReplicaSet", "replicasets", true, "rs"),
            ApiResourceType.builtIn("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, "hpa"),
            ApiResourceType.builtIn("apiextensions.k8s.io", "v1", "CustomResourceDefinition",
                    "customresourcedefinitions", false, "crd", "crds"),
            ApiResourceType.crd("networking.istio.io", "v1", "VirtualService", "virtualservices", false, "vs"),
            ApiResourceType.crd("networking.istio.io", "v1", "DestinationRule", "destinationrules", false, "dr"),
            ApiResourceType.crd("networking.istio.io", "v1", "Gateway", "gateways", false, "gw"),
            ApiResourceType.crd("networking.istio.io", "v1", "ServiceEntry", "serviceentries", false, "se"),
            ApiResourceType.crd("networking.istio.io", "v1", "Sidecar", "sidecars", false),
            ApiResourceType.crd("networking.istio.io", "v1", "WorkloadEntry", "workloadentries", false, "we"),
            ApiResourceType.crd("networking.istio.io", "v1", "WorkloadGroup", "workloadgroups", false, "wg"),
            ApiResourceType.crd("networking.istio.io", "v1alpha3", "EnvoyFilter", "envoyfilters", false),
            ApiResourceType.crd("telemetry.istio.io", "v1", "Telemetry", "telemetries", false, "telemetry"),
            ApiResourceType.crd("security.istio.io", "v1", "AuthorizationPolicy", "authorizationpolicies", false, "ap"),
            ApiResourceType.crd("security.istio.io", "v1", "PeerAuthentication", "peerauthentications", false, "pa"),
            ApiResourceType.crd("security.istio.io", "v1", "RequestAuthentication", "requestauthentications",
                    false, "ra"),
            ApiResourceType.crd("serving.knative.dev", "v1", "Service", "services", true, "kservice", "ksvc"),
            ApiResourceType.crd("serving.knative.dev", "v1", "Revision", "revisions", true, "rev"),
            ApiResourceType.crd("serving.knative.dev", "v1", "Configuration", "configurations", true,
                    "config", "cfg"),
            ApiResourceType.crd("serving.knative.dev", "v1", "Route", "routes", true, "rt"),
            ApiResourceType.crd("openfaas.com", "v1", "Function", "functions", false),
            ApiResourceType.crd("kubeless.io", "v1beta1", "Function", "functions", false),
            ApiResourceType.crd("monitoring.coreos.com", "v1", "ServiceMonitor", "servicemonitors", false, "smon"),
            ApiResourceType.crd("monitoring.coreos.com", "v1", "PodMonitor", "podmonitors", false, "pmon"),
            ApiResourceType.crd("monitoring.coreos.com", "v1", "PrometheusRule", "prometheusrules", false, "promrule"));

    private ApiCatalog() {
    }

    public static List<ApiResourceType> all() {
        return TYPES;
    }

    public static List<ApiResourceType> customResources() {
        return TYPES.stream().filter(ApiResourceType::custom).toList();
    }

    /** Types per group/version in catalog order; the core group is the key {@code v1}. */
    public static Map<String, List<ApiResourceType>> byGroupVersion() {
        Map<String, List<ApiResourceType>> result = new LinkedHashMap<>();
        TYPES.forEach(t -> result.computeIfAbsent(t.apiVersion(), k -> new ArrayList<>()).add(t));
        result.replaceAll((k, v) -> List.copyOf(v));
        return result;
    }

    /** The type of an object by its apiVersion and kind. */
    public static Optional<ApiResourceType> find(String apiVersion, String kind) {
        return TYPES.stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst();
    }

    /** The type of an object by its apiVersion and kind, or an error naming what the sandbox does serve. */
    public static ApiResourceType require(String apiVersion, String kind) {
        return find(apiVersion, kind).orElseThrow(() -> new IllegalArgumentException(
                "The MeshDeck sandbox API does not serve " + kind + " in " + apiVersion
                        + "; it serves: " + TYPES.stream().map(t -> t.kind() + " (" + t.apiVersion() + ")").toList()
                        + ". Fix the apiVersion/kind or add the type to ApiCatalog."));
    }
}
