package dev.meshdeck.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * The pods a workload controller (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, or a Knative Service,
 * whose pods Knative labels serving.knative.dev/service) runs, read from its pod template: the labels a policy selector or a Sidecar workloadSelector matches are the template's, since the
 * Pods themselves are rarely part of the manifests being validated.
 */
public final class PodTemplates {

    private static final Set<String> CONTROLLER_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "Job", "CronJob");

    private PodTemplates() {
    }

    private static final String KNATIVE_SERVICE_LABEL = "serving.knative.dev/service";

    /** A Kubernetes workload controller (not a Knative Service). */
    public static boolean isController(Resource r) {
        return CONTROLLER_KINDS.contains(r.kind());
    }

    /** A controller or a Knative Service: something whose pods are described by a template. */
    public static boolean runsPods(Resource r) {
        return isController(r) || isKnativeService(r);
    }

    private static boolean isKnativeService(Resource r) {
        return r.kind().equals("Service") && r.group().equals("serving.knative.dev");
    }

    /** The pod template of a controller ({@code spec.template}, a CronJob's {@code spec.jobTemplate.spec.template}). */
    public static JsonNode of(Resource controller) {
        if (controller.kind().equals("CronJob")) {
            return controller.spec().path("jobTemplate").path("spec").path("template");
        }
        return controller.spec().path("template");
    }

    /**
     * The Pod a controller would create, as a live (never reported on) object named after the controller: its
     * template's labels, annotations and spec in the controller's namespace.
     */
    public static Resource asPod(Resource controller) {
        JsonNode template = of(controller);
        ObjectNode pod = JsonNodeFactory.instance.objectNode();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("name", controller.name());
        metadata.put("namespace", controller.namespace());
        ObjectNode labels = metadata.putObject("labels");
        if (template.path("metadata").path("labels").isObject()) {
            labels.setAll((ObjectNode) template.path("metadata").path("labels"));
        }
        if (isKnativeService(controller)) {
            labels.put(KNATIVE_SERVICE_LABEL, controller.name());
        }
        if (template.path("metadata").path("annotations").isObject()) {
            metadata.set("annotations", template.path("metadata").path("annotations"));
        }
        pod.set("spec", template.path("spec").isObject() ? template.path("spec") : JsonNodeFactory.instance.objectNode());
        return new Resource(pod, Optional.empty(), false);
    }
}
