package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plain Deployments marked as functions by {@link FunctionLabelRules}. Deployments sharing an {@code app} label
 * are versions of one function (named by their {@code version} label); Deployments run by another platform
 * are never counted here.
 */
final class DeploymentFunctions implements FunctionDiscoverer {

    private final FunctionLabelRules rules;

    DeploymentFunctions(FunctionLabelRules rules) {
        this.rules = rules;
    }

    private record Key(String namespace, String name) {
    }

    @Override
    public List<DiscoveredFunction> discover(ClusterObjects objects, MeshIndex mesh, SourceRef.KubeContext source) {
        Map<Key, List<Deployment>> byFunction = new LinkedHashMap<>();
        for (Deployment d : objects.get(KubeKind.DEPLOYMENTS)) {
            if (rules.matches(Labels.describing(d)) && !runByAnotherPlatform(d)) {
                byFunction.computeIfAbsent(new Key(d.getMetadata().getNamespace(), functionName(d)), k -> new ArrayList<>()).add(d);
            }
        }
        List<DiscoveredFunction> found = new ArrayList<>();
        byFunction.forEach((key, deployments) -> found.add(function(key, deployments, mesh, source)));
        return found;
    }

    private static DiscoveredFunction function(Key key, List<Deployment> deployments, MeshIndex mesh,
                                               SourceRef.KubeContext source) {
        deployments.sort(Comparator.comparing(d -> d.getMetadata().getName()));
        String ns = key.namespace();
        String app = key.name();
        Set<String> services = new LinkedHashSet<>();
        services.add(app);
        List<String> versions = new ArrayList<>();
        List<Map<String, String>> selectors = new ArrayList<>();
        List<Map<String, String>> templates = new ArrayList<>();
        for (Deployment d : deployments) {
            String version = Labels.describing(d).get("version");
            versions.add(version != null ? version : d.getMetadata().getName());
            if (version != null) {
                services.add(app + "-" + version);
            }
            selectors.add(Labels.podSelector(d));
            templates.add(Labels.podTemplate(d));
        }
        Workload workload = new Workload(ns, app, services, selectors, templates);
        List<Pod> pods = mesh.pods(workload);

        // Without a VirtualService the split is unknown: one version gets everything, several get 0 each.
        List<TrafficShare> traffic = mesh.routedTraffic(ns, app).orElseGet(() -> versions.stream()
                .map(v -> new TrafficShare(v, versions.size() == 1 ? 100 : 0))
                .toList());

        FunctionId id = new FunctionId(source, Platform.KUBERNETES, ns, app);
        ServerlessFunction function = new ServerlessFunction(id, traffic, mesh.meshStatus(workload, pods),
                FunctionHealth.ofDeployments(deployments, mesh.readyEndpoints(workload)), commonLabels(deployments));
        List<DiscoveredFunction.ObjectRef> own = deployments.stream()
                .map(d -> new DiscoveredFunction.ObjectRef(KubeKind.DEPLOYMENTS, ns, d.getMetadata().getName()))
                .toList();
        return new DiscoveredFunction(function, own, DiscoveredFunction.refs(pods));
    }

    /** The {@code app} label, else {@code app.kubernetes.io/name}, else the Deployment's own name. */
    static String functionName(Deployment d) {
        Map<String, String> labels = Labels.describing(d);
        String app = labels.get("app");
        if (app == null || app.isEmpty()) {
            app = labels.get("app.kubernetes.io/name");
        }
        return app == null || app.isEmpty() ? d.getMetadata().getName() : app;
    }

    /** Labels shared by all versions: what describes the function rather than one version. */
    private static Map<String, String> commonLabels(List<Deployment> deployments) {
        Map<String, String> common = new HashMap<>(Labels.describing(deployments.get(0)));
        for (Deployment d : deployments.subList(1, deployments.size())) {
            Map<String, String> labels = Labels.describing(d);
            common.entrySet().removeIf(e -> !e.getValue().equals(labels.get(e.getKey())));
        }
        return common;
    }

    /** Deployments of a Knative Revision, an OpenFaaS or a Kubeless Function belong to those platforms. */
    static boolean runByAnotherPlatform(Deployment d) {
        Map<String, String> labels = Labels.describing(d);
        if (labels.containsKey(KnativeFunctions.SERVICE_LABEL) || labels.containsKey(OpenFaasFunctions.POD_LABEL)
                || (labels.containsKey(KubelessFunctions.POD_LABEL) && "kubeless".equals(labels.get("created-by")))) {
            return true;
        }
        List<OwnerReference> owners = d.getMetadata().getOwnerReferences();
        return owners != null && owners.stream().anyMatch(DeploymentFunctions::isPlatformOwner);
    }

    private static boolean isPlatformOwner(OwnerReference owner) {
        String apiVersion = owner.getApiVersion() == null ? "" : owner.getApiVersion();
        return ("Revision".equals(owner.getKind()) && apiVersion.startsWith("serving.knative.dev/"))
                || ("Function".equals(owner.getKind())
                && (apiVersion.startsWith("openfaas.com/") || apiVersion.startsWith("kubeless.io/")));
    }
}
