package dev.meshdeck.core.workloads;

import dev.meshdeck.core.validation.Finding;
import java.util.List;

/**
 * The configuration of a Kubernetes-hosted function: per workload (each version's Deployment, a Knative Service's
 * revision template) its containers, and the problems found in it. Holds no Secret value.
 */
public record FunctionConfig(List<Workload> workloads, List<Finding> findings) {

    public FunctionConfig {
        workloads = List.copyOf(workloads);
        findings = List.copyOf(findings);
    }

    /** One object whose pod template configures the function, "Deployment payment-function". */
    public record Workload(String kind, String namespace, String name, List<ContainerConfig> containers) {

        public Workload {
            containers = List.copyOf(containers);
        }
    }
}
