package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Knative Services ({@code serving.knative.dev/v1}). Versions are the {@code spec.traffic} targets; pods and
 * revision Deployments carry {@code serving.knative.dev/service=<name>}.
 */
final class KnativeFunctions implements FunctionDiscoverer {

    static final String SERVICE_LABEL = "serving.knative.dev/service";

    @Override
    public List<DiscoveredFunction> discover(ClusterObjects objects, MeshIndex mesh, SourceRef.KubeContext source) {
        List<DiscoveredFunction> found = new ArrayList<>();
        for (Listed.KnativeService ksvc : objects.<Listed.KnativeService>get(KubeKind.KNATIVE_SERVICES)) {
            String ns = ksvc.namespace();
            String name = ksvc.name();
            List<TrafficShare> traffic = traffic(ksvc);
            Map<String, String> selector = Map.of(SERVICE_LABEL, name);
            List<Listed.Deployment> deployments = mesh.deployments(ns, selector);

            // Knative creates a Service per revision besides the one named after the function.
            Set<String> services = new LinkedHashSet<>();
            services.add(name);
            traffic.forEach(t -> services.add(t.version()));
            List<Map<String, String>> templates = new ArrayList<>();
            templates.add(selector);
            deployments.forEach(d -> templates.add(d.podLabels()));
            Workload workload = new Workload(ns, name, services, List.of(selector), templates);

            List<Listed.Pod> pods = mesh.pods(workload);
            int ready;
            int desired;
            if (deployments.isEmpty()) {
                ready = (int) pods.stream().filter(Listed.Pod::ready).count();
                desired = pods.size();
            } else {
                Health replicas = FunctionHealth.ofDeployments(deployments, 0);
                ready = replicas.ready();
                desired = replicas.desired();
            }
            Health health = health(ksvc.readyCondition(), ready, desired, mesh.readyEndpoints(workload));

            FunctionId id = new FunctionId(source, Platform.KNATIVE, ns, name);
            ServerlessFunction function = new ServerlessFunction(id, traffic, mesh.meshStatus(workload, pods), health,
                    ksvc.labels());
            found.add(new DiscoveredFunction(function, List.of(new DiscoveredFunction.ObjectRef(KubeKind.KNATIVE_SERVICES, ns, name)),
                    DiscoveredFunction.refs(pods)));
        }
        return found;
    }

    /**
     * The traffic block as declared ({@code spec.traffic}, else the routed {@code status.traffic}); a target on the
     * latest revision is named after {@code status.latestReadyRevisionName}. Without any block all goes to latest.
     */
    static List<TrafficShare> traffic(Listed.KnativeService ksvc) {
        String latest = ksvc.latestReady() != null ? ksvc.latestReady() : "latest";
        List<Listed.Traffic> targets = !ksvc.specTraffic().isEmpty() ? ksvc.specTraffic() : ksvc.statusTraffic();
        if (targets.isEmpty()) {
            return List.of(new TrafficShare(latest, 100));
        }
        List<TrafficShare> shares = new ArrayList<>();
        for (Listed.Traffic t : targets) {
            String revision = t.revisionName() != null && !t.revisionName().isEmpty() ? t.revisionName() : latest;
            shares.add(new TrafficShare(revision, t.percent() == null ? 0 : t.percent(), t.tag()));
        }
        return shares;
    }

    private static Health health(String readyCondition, int ready, int desired, int endpoints) {
        if ("False".equals(readyCondition)) {
            return new Health(ready, desired, endpoints, "Failed");
        }
        if (desired == 0 && !"True".equals(readyCondition)) {
            return new Health(ready, desired, endpoints, "Pending");
        }
        return FunctionHealth.ofReplicas(ready, desired, endpoints);
    }
}
