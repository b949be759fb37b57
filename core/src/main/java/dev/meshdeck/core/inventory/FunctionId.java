package dev.meshdeck.core.inventory;

/**
 * Identity of a function. {@code namespace} is the Kubernetes namespace, or empty for Lambda
 * (the region is part of the source).
 */
public record FunctionId(SourceRef source, Platform platform, String namespace, String name) {

    public FunctionId {
        namespace = namespace == null ? "" : namespace;
    }

    /** "namespace/name", or just the name where there is no namespace. */
    public String qualifiedName() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
