package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.SourceRef;

import java.util.List;

/** Recognises one platform's functions among the objects listed from a cluster. */
interface FunctionDiscoverer {

    List<DiscoveredFunction> discover(ClusterObjects objects, MeshIndex mesh, SourceRef.KubeContext source);
}
