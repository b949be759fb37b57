package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceStatus;

import java.util.List;

/**
 * The result of a one-shot discovery ({@link KubeCatalog#listOnce()}).
 *
 * @param functions every function found, in {@link dev.meshdeck.core.inventory.Inventory#ORDER}
 * @param sources   per context: CONNECTED with the function count, or FAILED with the reason
 * @param problems  kubeconfig files that could not be loaded, contexts asked for but not defined
 */
public record KubeListing(List<ServerlessFunction> functions, List<SourceStatus> sources, List<String> problems) {

    public KubeListing {
        functions = List.copyOf(functions);
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
    }
}
