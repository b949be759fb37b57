package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.SourceRef;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one cluster's listed objects into functions of every platform. */
final class FunctionDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionDiscovery.class);

    private final List<FunctionDiscoverer> discoverers;

    FunctionDiscovery(FunctionLabelRules rules) {
        discoverers = List.of(new KnativeFunctions(), new OpenFaasFunctions(), new KubelessFunctions(),
                new DeploymentFunctions(rules));
    }

    Map<FunctionId, DiscoveredFunction> discover(ClusterObjects objects, SourceRef.KubeContext source) {
        long start = System.nanoTime();
        MeshIndex mesh = new MeshIndex(objects);
        long indexed = System.nanoTime();
        // the platforms only read the lists and the index: matched side by side, kept in the platforms' order
        List<List<DiscoveredFunction>> found = discoverers.parallelStream().map(d -> d.discover(objects, mesh, source)).toList();
        Map<FunctionId, DiscoveredFunction> functions = new LinkedHashMap<>();
        found.forEach(platform -> platform.forEach(f -> functions.put(f.function().id(), f)));
        LOG.debug("context {}: mesh indexed in {} ms, {} functions matched in {} ms", source.context(),
                (indexed - start) / 1_000_000, functions.size(), (System.nanoTime() - indexed) / 1_000_000);
        return functions;
    }
}
