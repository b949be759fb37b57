package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.Health;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.List;

/** Health words as conventions.md defines them: Ready, Degraded, Failed, ScaledToZero. */
final class FunctionHealth {

    private FunctionHealth() {
    }

    static Health ofReplicas(int ready, int desired, int endpoints) {
        String state = desired == 0 ? "ScaledToZero" : ready >= desired ? "Ready" : ready == 0 ? "Failed" : "Degraded";
        return new Health(ready, desired, endpoints, state);
    }

    /** Ready/desired replicas summed over the function's Deployments. */
    static Health ofDeployments(List<Deployment> deployments, int endpoints) {
        int ready = 0;
        int desired = 0;
        for (Deployment d : deployments) {
            desired += d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
            ready += d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
        }
        return ofReplicas(ready, desired, endpoints);
    }

    static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
