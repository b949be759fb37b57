package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import io.fabric8.knative.pkg.apis.Condition;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceStatus;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;

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
        for (Service ksvc : objects.get(KubeKind.KNATIVE_SERVICES)) {
            String ns = ksvc.getMetadata().getNamespace();
            String name = ksvc.getMetadata().getName();
            List<TrafficShare> traffic = traffic(ksvc);
            Map<String, String> selector = Map.of(SERVICE_LABEL, name);
            List<Deployment> deployments = mesh.deployments(ns, selector);

            // Knative creates a Service per revision besides the one named after the function.
            Set<String> services = new LinkedHashSet<>();
            services.add(name);
            traffic.forEach(t -> services.add(t.version()));
            List<Map<String, String>> templates = new ArrayList<>();
            templates.add(selector);
            deployments.forEach(d -> templates.add(Labels.podTemplate(d)));
            Workload workload = new Workload(ns, name, services, List.of(selector), templates);

            List<Pod> pods = mesh.pods(workload);
            int ready;
            int desired;
            if (deployments.isEmpty()) {
                ready = (int) pods.stream().filter(FunctionHealth::isReady).count();
                desired = pods.size();
            } else {
                Health replicas = FunctionHealth.ofDeployments(deployments, 0);
                ready = replicas.ready();
                desired = replicas.desired();
            }
            Health health = health(readyCondition(ksvc.getStatus()), ready, desired, mesh.readyEndpoints(workload));

            FunctionId id = new FunctionId(source, Platform.KNATIVE, ns, name);
            ServerlessFunction function = new ServerlessFunction(id, traffic, mesh.meshStatus(workload, pods), health,
                    Labels.of(ksvc));
            found.add(new DiscoveredFunction(function, List.of(new DiscoveredFunction.ObjectRef(KubeKind.KNATIVE_SERVICES, ns, name)),
                    DiscoveredFunction.refs(pods)));
        }
        return found;
    }

    /**
     * The traffic block as declared ({@code spec.traffic}, else the routed {@code status.traffic}); a target on the
     * latest revision is named after {@code status.latestReadyRevisionName}. Without any block all goes to latest.
     */
    static List<TrafficShare> traffic(Service ksvc) {
        ServiceStatus status = ksvc.getStatus();
        String latest = status != null && status.getLatestReadyRevisionName() != null
                ? status.getLatestReadyRevisionName() : "latest";
        List<TrafficTarget> targets = ksvc.getSpec() != null && ksvc.getSpec().getTraffic() != null
                && !ksvc.getSpec().getTraffic().isEmpty() ? ksvc.getSpec().getTraffic()
                : status != null && status.getTraffic() != null ? status.getTraffic() : List.of();
        if (targets.isEmpty()) {
            return List.of(new TrafficShare(latest, 100));
        }
        List<TrafficShare> shares = new ArrayList<>();
        for (TrafficTarget t : targets) {
            String revision = t.getRevisionName() != null && !t.getRevisionName().isEmpty() ? t.getRevisionName() : latest;
            shares.add(new TrafficShare(revision, t.getPercent() == null ? 0 : t.getPercent(), t.getTag()));
        }
        return shares;
    }

    private static String readyCondition(ServiceStatus status) {
        if (status == null || status.getConditions() == null) {
            return "Unknown";
        }
        return status.getConditions().stream()
                .filter(c -> "Ready".equals(c.getType()))
                .map(Condition::getStatus)
                .findFirst()
                .orElse("Unknown");
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
