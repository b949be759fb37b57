package dev.meshdeck.core.inventory;

/** How widely a policy that governs a function was declared, narrowest first. */
public enum PolicyScope {
    /** It names the function's host or selects its workloads. */
    FUNCTION("for this function"),
    /** It applies to every workload or host of the function's namespace. */
    NAMESPACE("namespace-wide"),
    /** It applies across the mesh (Istio's root namespace, or a host wildcard over every namespace). */
    MESH("mesh-wide");

    private final String text;

    PolicyScope(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
