package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Functions declared as a custom resource that an operator turns into a Deployment and a Service of the same
 * name, whose pods carry {@code <podLabel>=<name>} (OpenFaaS, Kubeless). Traffic comes from a VirtualService
 * routing that Service, else all of it goes to the function itself.
 */
abstract class OperatorFunctions implements FunctionDiscoverer {

    private final Platform platform;
    private final KubeKind<GenericKubernetesResource> kind;
    private final String podLabel;

    OperatorFunctions(Platform platform, KubeKind<GenericKubernetesResource> kind, String podLabel) {
        this.platform = platform;
        this.kind = kind;
        this.podLabel = podLabel;
    }

    @Override
    public List<DiscoveredFunction> discover(ClusterObjects objects, MeshIndex mesh, SourceRef.KubeContext source) {
        List<DiscoveredFunction> found = new ArrayList<>();
        for (Listed.Named resource : objects.<Listed.Named>get(kind)) {
            String ns = resource.namespace();
            String name = resource.name();
            Map<String, String> selector = Map.of(podLabel, name);
            List<Listed.Deployment> deployments = mesh.deployments(ns, selector);

            List<Map<String, String>> templates = new ArrayList<>();
            templates.add(selector);
            deployments.forEach(d -> templates.add(d.podLabels()));
            Workload workload = new Workload(ns, name, Set.of(name), List.of(selector), templates);
            List<Listed.Pod> pods = mesh.pods(workload);

            List<TrafficShare> traffic = mesh.routedTraffic(ns, name).orElse(List.of(new TrafficShare(name, 100)));
            FunctionId id = new FunctionId(source, platform, ns, name);
            ServerlessFunction function = new ServerlessFunction(id, traffic, mesh.meshStatus(workload, pods),
                    FunctionHealth.ofDeployments(deployments, mesh.readyEndpoints(workload)), resource.labels());

            List<DiscoveredFunction.ObjectRef> own = new ArrayList<>();
            own.add(new DiscoveredFunction.ObjectRef(kind, ns, name));
            deployments.forEach(d -> own.add(new DiscoveredFunction.ObjectRef(KubeKind.DEPLOYMENTS, ns, d.name())));
            found.add(new DiscoveredFunction(function, own, DiscoveredFunction.refs(pods)));
        }
        return found;
    }
}
