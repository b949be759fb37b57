package dev.meshdeck.core.validation;

/** The object a finding is about. {@code namespace} is empty for cluster-scoped or unnamespaced input. */
public record ResourceRef(String kind, String namespace, String name) {

    public ResourceRef {
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
    }

    @Override
    public String toString() {
        return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
