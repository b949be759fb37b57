package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;

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
        Map<Key, List<Listed.Deployment>> byFunction = new LinkedHashMap<>();
        for (Listed.Deployment d : objects.<Listed.Deployment>get(KubeKind.DEPLOYMENTS)) {
            if (rules.matches(d.describing()) && !runByAnotherPlatform(d)) {
                byFunction.computeIfAbsent(new Key(d.namespace(), functionName(d)), k -> new ArrayList<>()).add(d);
            }
        }
        List<DiscoveredFunction> found = new ArrayList<>();
        byFunction.forEach((key, deployments) -> found.add(function(key, deployments, mesh, source)));
        return found;
    }

    private static DiscoveredFunction function(Key key, List<Listed.Deployment> deployments, MeshIndex mesh,
                                               SourceRef.KubeContext source) {
        deployments.sort(Comparator.comparing(Listed.Deployment::name));
        String ns = key.namespace();
        String app = key.name();
        Set<String> services = new LinkedHashSet<>();
        services.add(app);
        List<String> versions = new ArrayList<>();
        List<Map<String, String>> selectors = new ArrayList<>();
        List<Map<String, String>> templates = new ArrayList<>();
        for (Listed.Deployment d : deployments) {
            String version = d.describing().get("version");
            versions.add(version != null ? version : d.name());
            if (version != null) {
                services.add(app + "-" + version);
            }
            selectors.add(d.podSelector());
            templates.add(d.podLabels());
        }
        Workload workload = new Workload(ns, app, services, selectors, templates);
        List<Listed.Pod> pods = mesh.pods(workload);

        // Without a VirtualService the split is unknown: one version gets everything, several get 0 each.
        List<TrafficShare> traffic = mesh.routedTraffic(ns, app).orElseGet(() -> versions.stream()
                .map(v -> new TrafficShare(v, versions.size() == 1 ? 100 : 0))
                .toList());

        FunctionId id = new FunctionId(source, Platform.KUBERNETES, ns, app);
        ServerlessFunction function = new ServerlessFunction(id, traffic, mesh.meshStatus(workload, pods),
                FunctionHealth.ofDeployments(deployments, mesh.readyEndpoints(workload)), commonLabels(deployments));
        List<DiscoveredFunction.ObjectRef> own = deployments.stream()
                .map(d -> new DiscoveredFunction.ObjectRef(KubeKind.DEPLOYMENTS, ns, d.name()))
                .toList();
        return new DiscoveredFunction(function, own, DiscoveredFunction.refs(pods));
    }

    /** The {@code app} label, else {@code app.kubernetes.io/name}, else the Deployment's own name. */
    static String functionName(Listed.Deployment d) {
        Map<String, String> labels = d.describing();
        String app = labels.get("app");
        if (app == null || app.isEmpty()) {
            app = labels.get("app.kubernetes.io/name");
        }
        return app == null || app.isEmpty() ? d.name() : app;
    }

    /** Labels shared by all versions: what describes the function rather than one version. */
    private static Map<String, String> commonLabels(List<Listed.Deployment> deployments) {
        Map<String, String> common = new HashMap<>(deployments.get(0).describing());
        for (Listed.Deployment d : deployments.subList(1, deployments.size())) {
            Map<String, String> labels = d.describing();
            common.entrySet().removeIf(e -> !e.getValue().equals(labels.get(e.getKey())));
        }
        return common;
    }

    /** Deployments of a Knative Revision, an OpenFaaS or a Kubeless Function belong to those platforms. */
    static boolean runByAnotherPlatform(Listed.Deployment d) {
        Map<String, String> labels = d.describing();
        if (labels.containsKey(KnativeFunctions.SERVICE_LABEL) || labels.containsKey(OpenFaasFunctions.POD_LABEL)
                || (labels.containsKey(KubelessFunctions.POD_LABEL) && "kubeless".equals(labels.get("created-by")))) {
            return true;
        }
        return d.owners().stream().anyMatch(DeploymentFunctions::isPlatformOwner);
    }

    private static boolean isPlatformOwner(Listed.Owner owner) {
        String apiVersion = owner.apiVersion() == null ? "" : owner.apiVersion();
        return ("Revision".equals(owner.kind()) && apiVersion.startsWith("serving.knative.dev/"))
                || ("Function".equals(owner.kind())
                && (apiVersion.startsWith("openfaas.com/") || apiVersion.startsWith("kubeless.io/")));
    }
}
