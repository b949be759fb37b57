package dev.meshdeck.core.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The functions known so far and the state of each source, folded from {@link InventoryEvent}s. Thread-safe. */
public final class Inventory {

    public static final Comparator<ServerlessFunction> ORDER = Comparator
            .comparing((ServerlessFunction f) -> f.platform().ordinal())
            .thenComparing(f -> f.source().label())
            .thenComparing(ServerlessFunction::namespace)
            .thenComparing(ServerlessFunction::name);

    private final Map<FunctionId, ServerlessFunction> functions = new ConcurrentHashMap<>();
    private final Map<SourceRef, SourceStatus> statuses = new ConcurrentHashMap<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

    public void apply(InventoryEvent event) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (event instanceof InventoryEvent.SourceChanged e) {
            statuses.put(e.status().source(), e.status());
        } else if (event instanceof InventoryEvent.SourceLoaded e) {
            functions.keySet().removeIf(id -> id.source().equals(e.source()));
            e.functions().forEach(f -> functions.put(f.id(), f));
        } else if (event instanceof InventoryEvent.SourceRemoved e) {
            statuses.remove(e.source());
            functions.keySet().removeIf(id -> id.source().equals(e.source()));
        } else if (event instanceof InventoryEvent.FunctionChanged e) {
            functions.put(e.function().id(), e.function());
        } else if (event instanceof InventoryEvent.FunctionRemoved e) {
            functions.remove(e.id());
        } else if (event instanceof InventoryEvent.Problem e) {
            problems.add(e.message());
        }
    }

    /** All functions in a stable order: platform, source, namespace, name. */
    public List<ServerlessFunction> functions() {
        List<ServerlessFunction> all = new ArrayList<>(functions.values());
        all.sort(ORDER);
        return all;
    }

    public Map<SourceRef, SourceStatus> statuses() {
        return new LinkedHashMap<>(statuses);
    }

    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /**
     * How many functions a source's listing changed: added, removed, or different in any field. What a source that
     * answers again reports as "N changes while away".
     */
    public static int changesBetween(List<ServerlessFunction> before, List<ServerlessFunction> after) {
        Map<FunctionId, ServerlessFunction> was = new HashMap<>();
        before.forEach(f -> was.put(f.id(), f));
        int changed = 0;
        for (ServerlessFunction f : after) {
            ServerlessFunction old = was.remove(f.id());
            if (!f.equals(old)) {
                changed++;
            }
        }
        return changed + was.size();
    }

    /** "reconnected; 1 change while away (4 Lambda functions)". */
    public static String reconnected(int changes, String listed) {
        return "reconnected; " + changes + (changes == 1 ? " change" : " changes") + " while away (" + listed + ")";
    }
}
