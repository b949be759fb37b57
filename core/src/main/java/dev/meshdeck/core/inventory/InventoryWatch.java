package dev.meshdeck.core.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a catalog's events into what {@code meshdeck functions --watch} prints, like {@code kubectl get -w}: each
 * function added, modified or deleted (a full relist of a source is compared with what was known of it) and each
 * change of a source's state. Not thread-safe: feed it from one thread.
 */
public final class InventoryWatch {

    /** One line of the watch. */
    public sealed interface Change {
    }

    public enum Kind { ADDED, MODIFIED, DELETED }

    /** A function as it is now, or, when deleted, as it was last seen. */
    public record FunctionChange(Kind kind, ServerlessFunction function) implements Change {
    }

    public record SourceChange(SourceStatus status) implements Change {
    }

    private final Map<FunctionId, ServerlessFunction> known = new HashMap<>();
    private final Map<SourceRef, SourceStatus> states = new HashMap<>();

    /** The lines {@code event} adds; none when it changes nothing a reader of the watch would see. */
    public List<Change> apply(InventoryEvent event) {
        List<Change> changes = new ArrayList<>();
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (event instanceof InventoryEvent.SourceLoaded e) {
            Map<FunctionId, ServerlessFunction> now = new HashMap<>();
            e.functions().forEach(f -> now.put(f.id(), f));
            removeWhere(id -> id.source().equals(e.source()) && !now.containsKey(id), changes);
            e.functions().forEach(f -> put(f, changes));
        } else if (event instanceof InventoryEvent.FunctionChanged e) {
            put(e.function(), changes);
        } else if (event instanceof InventoryEvent.FunctionRemoved e) {
            removeWhere(id -> id.equals(e.id()), changes);
        } else if (event instanceof InventoryEvent.SourceRemoved e) {
            states.remove(e.source());
            removeWhere(id -> id.source().equals(e.source()), changes);
        } else if (event instanceof InventoryEvent.SourceChanged e) {
            source(e.status(), changes);
        }
        return changes;
    }

    private void put(ServerlessFunction function, List<Change> changes) {
        ServerlessFunction before = known.put(function.id(), function);
        if (before == null) {
            changes.add(new FunctionChange(Kind.ADDED, function));
        } else if (!before.equals(function)) {
            changes.add(new FunctionChange(Kind.MODIFIED, function));
        }
    }

    private void removeWhere(Predicate<FunctionId> gone, List<Change> changes) {
        List<FunctionId> ids = known.keySet().stream().filter(gone).sorted(
                Comparator.comparing(id -> known.get(id), Inventory.ORDER)).toList();
        ids.forEach(id -> changes.add(new FunctionChange(Kind.DELETED, known.remove(id))));
    }

    /**
     * A state change is a line; so is a new reason while the source is not connected (a backoff that grows, another
     * failure). Connecting is not: a watch reports the states a script acts on, and a new count while connected is
     * already told by the function lines.
     */
    private void source(SourceStatus status, List<Change> changes) {
        if (status.state() == SourceStatus.State.CONNECTING) {
            return;
        }
        SourceStatus before = states.put(status.source(), status);
        boolean sameState = before != null && before.state() == status.state();
        if (!sameState || (status.state() != SourceStatus.State.CONNECTED && !before.message().equals(status.message()))) {
            changes.add(new SourceChange(status));
        }
    }
}
