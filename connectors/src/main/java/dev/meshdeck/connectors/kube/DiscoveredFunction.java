package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.ServerlessFunction;

import java.util.List;

/**
 * A function as discovered, with references to the objects it is made of (shown by {@code resourcesOf}) and to
 * the pods that run it (shown by {@code podsOf}).
 */
record DiscoveredFunction(ServerlessFunction function, List<ObjectRef> ownObjects, List<ObjectRef> pods) {

    DiscoveredFunction {
        ownObjects = List.copyOf(ownObjects);
        pods = List.copyOf(pods);
    }

    static List<ObjectRef> refs(List<Listed.Pod> pods) {
        return pods.stream().map(p -> new ObjectRef(KubeKind.PODS, p.namespace(), p.name())).toList();
    }

    /** A Kubernetes object by kind, namespace and name. */
    record ObjectRef(KubeKind<?> kind, String namespace, String name) {
    }
}
