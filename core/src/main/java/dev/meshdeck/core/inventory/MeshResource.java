package dev.meshdeck.core.inventory;

/**
 * A Kubernetes object that governs a function (or the function's own object), with its YAML.
 *
 * @param source where the object was read when that is not the function's own source (a Lambda function's mesh
 *               entry lives in a kube context); null for the function's own
 */
public record MeshResource(String kind, String namespace, String name, String yaml, SourceRef source) {

    /** An object of the function's own source. */
    public MeshResource(String kind, String namespace, String name, String yaml) {
        this(kind, namespace, name, yaml, null);
    }

    public String title() {
        return kind + " " + (namespace == null || namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
