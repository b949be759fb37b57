package dev.meshdeck.views.workloads;

import dev.meshdeck.core.workloads.ConfigKey;

/** What editing a row of the Config tab changes: an env variable of a container, or a key of a ConfigMap. */
public sealed interface ConfigEdit {

    /**
     * A literal env variable of one container, or where to add one.
     *
     * @param workload the Deployment's or Knative Service's name
     */
    record Env(String workload, String container, String name) implements ConfigEdit {
    }

    /** A key of a ConfigMap that env reads (envFrom, configMapKeyRef). */
    record ConfigMapData(ConfigKey key) implements ConfigEdit {
    }
}
