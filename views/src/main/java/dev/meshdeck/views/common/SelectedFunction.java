package dev.meshdeck.views.common;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.ServerlessFunction;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The one function the window is about: the table, the graph, the details pane and the editor all show this
 * one and ask it to change, so no pane can show another. It follows the estate: a newer state of the function
 * replaces it, and it clears when the function or its source goes. FX thread.
 */
public final class SelectedFunction {

    private final ReadOnlyObjectWrapper<ServerlessFunction> function = new ReadOnlyObjectWrapper<>(this, "function");

    /** The selected function in its latest known state; null when none is selected. */
    public ReadOnlyObjectProperty<ServerlessFunction> property() {
        return function.getReadOnlyProperty();
    }

    public ServerlessFunction get() {
        return function.get();
    }

    public Optional<FunctionId> id() {
        return Optional.ofNullable(function.get()).map(ServerlessFunction::id);
    }

    /** Whether {@code candidate} is the selected function (in any state). */
    public boolean is(ServerlessFunction candidate) {
        return candidate != null && id().map(candidate.id()::equals).orElse(false);
    }

    /**
     * Selects a function, null clearing the selection. Selecting the selected function again (from another
     * pane) changes nothing, so panes that follow the selection and report their own clicks do not loop.
     */
    public void select(ServerlessFunction chosen) {
        if (chosen == null ? function.get() != null : !chosen.equals(function.get())) {
            function.set(chosen);
        }
    }

    public void clear() {
        select(null);
    }

    /** Follows one batch of discovery: the selected function's newer state, or its removal. */
    public void apply(List<InventoryEvent> batch) {
        for (InventoryEvent event : batch) {
            ServerlessFunction now = function.get();
            if (now == null) {
                return;
            }
            FunctionId id = now.id();
            if (event instanceof InventoryEvent.FunctionChanged changed && changed.function().id().equals(id)) {
                select(changed.function());
            } else if (event instanceof InventoryEvent.FunctionRemoved removed && removed.id().equals(id)) {
                clear();
            } else if (event instanceof InventoryEvent.SourceRemoved removed && removed.source().equals(id.source())) {
                clear();
            } else if (event instanceof InventoryEvent.SourceLoaded loaded && loaded.source().equals(id.source())) {
                select(loaded.functions().stream().filter(f -> f.id().equals(id)).findFirst().orElse(null));
            }
        }
    }
}
