package dev.meshdeck.core.workloads;

/** One key of a ConfigMap or Secret: where a masked value is read from when a person asks to see it. */
public record ConfigKey(ConfigKind kind, String namespace, String name, String key) {
}
