package dev.meshdeck.core.workloads;

/** The two kinds of object a pod reads configuration from. */
public enum ConfigKind {
    CONFIG_MAP("ConfigMap"),
    SECRET("Secret");

    private final String kind;

    ConfigKind(String kind) {
        this.kind = kind;
    }

    /** The Kubernetes kind, "ConfigMap" or "Secret". */
    public String kind() {
        return kind;
    }
}
