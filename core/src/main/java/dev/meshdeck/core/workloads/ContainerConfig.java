package dev.meshdeck.core.workloads;

import java.util.List;
import java.util.Map;

/**
 * What one container of a function is configured with: its env resolved, envFrom sources, mounted ConfigMaps and
 * Secrets, and resource requests and limits (quantities as Kubernetes writes them, "100m", "256Mi").
 */
public record ContainerConfig(String name, String image, List<EnvVar> env, List<EnvSource> envFrom,
                              List<ConfigMount> mounts, Map<String, String> requests, Map<String, String> limits) {

    public ContainerConfig {
        env = List.copyOf(env);
        envFrom = List.copyOf(envFrom);
        mounts = List.copyOf(mounts);
        requests = Map.copyOf(requests);
        limits = Map.copyOf(limits);
    }
}
