package dev.meshdeck.core.inventory;

/** A Kubernetes object that governs a function (or the function's own object), with its YAML. */
public record MeshResource(String kind, String namespace, String name, String yaml) {

    public String title() {
        return kind + " " + (namespace == null || namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
