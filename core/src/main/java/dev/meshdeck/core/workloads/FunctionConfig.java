package dev.meshdeck.core.workloads;

import dev.meshdeck.core.validation.Finding;
import java.util.List;
import java.util.Map;

/**
 * The configuration of a Kubernetes-hosted function: per workload (each version's Deployment, a Knative Service's
 * revision template) its containers, and the problems found in it. Holds no Secret value.
 */
public record FunctionConfig(List<Workload> workloads, List<Finding> findings) {

    public FunctionConfig {
        workloads = List.copyOf(workloads);
        findings = List.copyOf(findings);
    }

    /**
     * One object whose pod template configures the function.
     *
     * @param kind        "Deployment", or kubectl's "Service.serving.knative.dev" for a Knative Service
     * @param autoscaling the template's Knative autoscaling annotations without their prefix ("min-scale" to "1")
     */
    public record Workload(String kind, String namespace, String name, List<ContainerConfig> containers,
                           Map<String, String> autoscaling) {

        public Workload {
            containers = List.copyOf(containers);
            autoscaling = Map.copyOf(autoscaling);
        }
    }
}
