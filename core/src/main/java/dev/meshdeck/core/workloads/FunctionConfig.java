package dev.meshdeck.core.workloads;

import dev.meshdeck.core.validation.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of a Kubernetes-hosted function: per workload (each version's Deployment, a Knative Service's
 * revision template) its containers, and the problems found in it. Holds no Secret value.
 */
public record FunctionConfig(List<Workload> workloads, List<Finding> findings, Optional<NamespaceInjection> namespace) {

    public FunctionConfig {
        workloads = List.copyOf(workloads);
        findings = List.copyOf(findings);
    }

    /** A configuration whose namespace was not read. */
    public FunctionConfig(List<Workload> workloads, List<Finding> findings) {
        this(workloads, findings, Optional.empty());
    }

    /** Whether the workload's pods get a sidecar; empty when the namespace was not read. */
    public Optional<Boolean> sidecarInjected(Workload w) {
        return namespace.map(ns -> ns.injects(w.sidecarInject()));
    }

    /**
     * One object whose pod template configures the function.
     *
     * @param kind        "Deployment", or kubectl's "Service.serving.knative.dev" for a Knative Service
     * @param autoscaling   the template's Knative autoscaling annotations without their prefix ("min-scale" to "1")
     * @param sidecarInject the template's own sidecar.istio.io/inject (label, else annotation); empty for none
     * @param autoscaler    the HorizontalPodAutoscaler that scales a Deployment; empty for none
     */
    public record Workload(String kind, String namespace, String name, List<ContainerConfig> containers,
                           Map<String, String> autoscaling, Optional<Boolean> sidecarInject, Optional<Autoscaler> autoscaler) {

        public Workload {
            containers = List.copyOf(containers);
            autoscaling = Map.copyOf(autoscaling);
        }
    }
}
