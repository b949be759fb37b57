package dev.meshdeck.core.inventory;

import java.util.List;

/** What a {@link FunctionCatalog} reports as discovery proceeds and as the estate changes. */
public sealed interface InventoryEvent {

    /** A source's connection state changed. */
    record SourceChanged(SourceStatus status) implements InventoryEvent {}

    /** A full list for one source: replaces everything known from it. */
    record SourceLoaded(SourceRef source, List<ServerlessFunction> functions) implements InventoryEvent {
        public SourceLoaded {
            functions = List.copyOf(functions);
        }
    }

    /** A source is no longer scanned (another AWS profile or region was chosen): it and its functions go. */
    record SourceRemoved(SourceRef source) implements InventoryEvent {}

    /** A function appeared or changed (informer/watch update). */
    record FunctionChanged(ServerlessFunction function) implements InventoryEvent {}

    /** A function disappeared. */
    record FunctionRemoved(FunctionId id) implements InventoryEvent {}

    /** A problem not tied to one source, such as a malformed kubeconfig file. */
    record Problem(String message) implements InventoryEvent {}
}
