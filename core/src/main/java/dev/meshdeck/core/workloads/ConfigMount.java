package dev.meshdeck.core.workloads;

/** A ConfigMap or Secret volume mounted into a container. */
public record ConfigMount(ConfigKind kind, String name, String volume, String mountPath, boolean readOnly,
                          boolean exists) {
}
