package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.Health;
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
    static Health ofDeployments(List<Listed.Deployment> deployments, int endpoints) {
        int ready = 0;
        int desired = 0;
        for (Listed.Deployment d : deployments) {
            desired += d.replicas() == null ? 1 : d.replicas();
            ready += d.readyReplicas() == null ? 0 : d.readyReplicas();
        }
        return ofReplicas(ready, desired, endpoints);
    }
}
