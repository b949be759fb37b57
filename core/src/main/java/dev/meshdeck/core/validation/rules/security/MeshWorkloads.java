package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.PodTemplates;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Selectors;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Pods of the inputs, indexed by namespace once, with the two questions mesh policies ask of them: is the
 * Pod part of the mesh (Istio's {@code util.PodInMesh} / ambient redirection), and does it run a sidecar. The
 * workloads add the Pods that Deployments and the other controllers run ({@link PodTemplates#asPod}): a selector
 * matches those as it matches Pods, but whether they run a sidecar is only known once injected.
 */
final class MeshWorkloads {

    /** Istio's default MeshConfig rootNamespace: policies here apply to the whole mesh. */
    static final String ROOT_NAMESPACE = "istio-system";

    private final Map<String, List<Resource>> workloadsByNamespace = new HashMap<>();
    private final boolean knowsWorkloads;
    private final Map<String, Resource> namespaces = new HashMap<>();

    /** The one instance of a validation, shared by the rules through {@link ValidationContext#index}. */
    static MeshWorkloads of(ValidationContext context) {
        return context.index(MeshWorkloads.class, MeshWorkloads::new);
    }

    private MeshWorkloads(ValidationContext context) {
        for (Resource ns : context.ofKind("Namespace")) {
            namespaces.put(ns.name(), ns);
        }
        for (Resource pod : context.ofKind("Pod")) {
            workloadsByNamespace.computeIfAbsent(pod.namespace(), k -> new ArrayList<>()).add(pod);
        }
        boolean controllers = false;
        for (Resource r : context.all()) {
            if (PodTemplates.runsPods(r)) {
                controllers = true;
                workloadsByNamespace.computeIfAbsent(r.namespace(), k -> new ArrayList<>()).add(PodTemplates.asPod(r));
            }
        }
        knowsWorkloads = controllers || context.knows("Pod");
    }

    /** Whether a selector that matches no workload means something: live, or Pods or controllers are in the inputs. */
    boolean knowsWorkloads() {
        return knowsWorkloads;
    }

    /** Pods and the Pods of controllers, per namespace. */
    Iterable<List<Resource>> workloadsPerNamespace() {
        return workloadsByNamespace.values();
    }

    static JsonNode labels(Resource r) {
        return r.tree().path("metadata").path("labels");
    }

    static String annotation(Resource r, String key) {
        JsonNode v = r.tree().path("metadata").path("annotations").path(key);
        return v.isValueNode() ? v.asText() : null;
    }

    /** The matchLabels of a policy's selector, or null when the policy has no selector at all. */
    static JsonNode selector(Resource policy) {
        JsonNode s = policy.spec().path("selector");
        if (s.isMissingNode() || s.isNull()) {
            return null;
        }
        return s.path("matchLabels");
    }

    static boolean selects(JsonNode matchLabels, Resource pod) {
        return !matchLabels.isObject() || Selectors.selects(matchLabels, labels(pod));
    }

    /**
     * Istio's {@code util.PodInMesh} (an istio-proxy container with an image; else the pod's
     * sidecar.istio.io/inject label, then annotation; else the namespace's istio-injection label) or ambient
     * redirection.
     */
    boolean inMesh(Resource pod) {
        return sidecarInjected(pod) || ambient(pod);
    }

    private boolean sidecarInjected(Resource pod) {
        if (hasProxyContainer(pod, true)) {
            return true;
        }
        JsonNode inject = labels(pod).path("sidecar.istio.io/inject");
        if (inject.isValueNode()) {
            return inject.asText().equals("true");
        }
        String injectAnnotation = annotation(pod, "sidecar.istio.io/inject");
        if (injectAnnotation != null) {
            return injectAnnotation.equals("true");
        }
        Resource ns = namespaces.get(pod.namespace());
        return ns != null && labels(ns).path("istio-injection").asText("").equals("enabled");
    }

    static boolean ambient(Resource pod) {
        return "enabled".equals(annotation(pod, "ambient.istio.io/redirection"));
    }

    /** A running pod that enforces sidecar policy: an istio-proxy container or the injector's status annotation. */
    static boolean hasSidecar(Resource pod) {
        return hasProxyContainer(pod, false) || annotation(pod, "sidecar.istio.io/status") != null;
    }

    private static boolean hasProxyContainer(Resource pod, boolean needsImage) {
        for (String list : new String[] {"containers", "initContainers"}) {
            for (JsonNode c : pod.spec().path(list)) {
                if (c.path("name").asText("").equals("istio-proxy")
                        && (!needsImage || !c.path("image").asText("").isEmpty())) {
                    return true;
                }
            }
        }
        return false;
    }
}
