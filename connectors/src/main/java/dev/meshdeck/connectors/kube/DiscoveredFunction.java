package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.ServerlessFunction;

import java.util.List;

/** A function as discovered, with references to the objects it is made of (shown by {@code resourcesOf}). */
record DiscoveredFunction(ServerlessFunction function, List<ObjectRef> ownObjects) {

    DiscoveredFunction {
        ownObjects = List.copyOf(ownObjects);
    }

    /** A Kubernetes object by kind, namespace and name. */
    record ObjectRef(KubeKind<?> kind, String namespace, String name) {
    }
}
