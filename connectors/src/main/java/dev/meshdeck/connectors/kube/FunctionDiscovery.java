package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.SourceRef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one cluster's listed objects into functions of every platform. */
final class FunctionDiscovery {

    private final List<FunctionDiscoverer> discoverers;

    FunctionDiscovery(FunctionLabelRules rules) {
        discoverers = List.of(new KnativeFunctions(), new OpenFaasFunctions(), new KubelessFunctions(),
                new DeploymentFunctions(rules));
    }

    Map<FunctionId, DiscoveredFunction> discover(ClusterObjects objects, SourceRef.KubeContext source) {
        MeshIndex mesh = new MeshIndex(objects);
        Map<FunctionId, DiscoveredFunction> functions = new LinkedHashMap<>();
        for (FunctionDiscoverer d : discoverers) {
            d.discover(objects, mesh, source).forEach(f -> functions.put(f.function().id(), f));
        }
        return functions;
    }
}
