package dev.meshdeck.core.inventory;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The port through which the UI and the CLI see functions. Connectors implement it; the app wires it.
 * Events arrive on background threads; a view hops to its own thread.
 */
public interface FunctionCatalog extends AutoCloseable {

    /** Sources known before discovery (contexts from kubeconfig, configured AWS regions). */
    List<SourceRef> sources();

    /**
     * Starts discovery of every source in parallel and, when {@code live}, keeps watching for changes.
     * Returns at once; progress and results come as events.
     */
    void start(Consumer<InventoryEvent> listener, boolean live);

    /**
     * The function's own object and the mesh resources that apply to it. May block on the network:
     * never call it on the UI thread.
     */
    List<MeshResource> resourcesOf(FunctionId id);

    /**
     * How the mesh calls hosts outside it: the ServiceEntries naming one of {@code hosts} (a Lambda function's
     * URL hosts) and the VirtualServices routing them. Empty for catalogs without a mesh. May block.
     */
    default List<MeshResource> meshEntriesOf(Set<String> hosts) {
        return List.of();
    }

    @Override
    void close();
}
