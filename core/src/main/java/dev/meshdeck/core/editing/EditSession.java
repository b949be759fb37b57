package dev.meshdeck.core.editing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.traffic.CanaryEditor;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Everything an SRE is editing in one window: per function, the live objects (as the catalog returned them)
 * and a {@link Draft} per object. Switching to another function and back loses nothing; {@link #pending()}
 * lists every changed draft of every function, which is what an export writes.
 */
public final class EditSession {

    /** The order of exported documents: function, then kind, namespace, name. */
    private static final Comparator<Draft> ORDER = Comparator
            .comparing((Draft d) -> d.function().source().label())
            .thenComparing(d -> d.function().qualifiedName())
            .thenComparing(d -> d.ref().kind())
            .thenComparing(d -> d.ref().namespace())
            .thenComparing(d -> d.ref().name());

    /** Mutable lists: new objects are added, discarded ones removed. */
    private final Map<FunctionId, List<Draft>> functions = new LinkedHashMap<>();
    private final List<Consumer<Draft>> listeners = new CopyOnWriteArrayList<>();
    private final YamlReader reader = new YamlReader();

    /**
     * The drafts of {@code function}, opened from the catalog's resources the first time and kept afterwards,
     * edits included. Resources whose YAML cannot be read are skipped: they cannot be edited here.
     */
    public List<Draft> open(FunctionId function, List<MeshResource> resources) {
        List<Draft> existing = functions.get(function);
        if (existing != null) {
            return List.copyOf(existing);
        }
        List<Draft> drafts = new ArrayList<>();
        for (MeshResource resource : resources) {
            try {
                for (YamlDocument doc : reader.read(resource.title(), resource.yaml())) {
                    if (doc.tree() instanceof ObjectNode object) {
                        drafts.add(new Draft(this, function, object));
                    }
                }
            } catch (YamlProblem unreadable) {
                // shown read-only by the details pane; nothing to edit
            }
        }
        functions.put(function, drafts);
        return List.copyOf(drafts);
    }

    /**
     * Adds a new object to an opened function's drafts (e.g. a VirtualService for a function that has none),
     * starting from {@code defaults}; it is pending until discarded.
     *
     * @throws IllegalArgumentException when the function already has an object of that kind and name
     * @throws IllegalStateException    when the function was not opened yet
     */
    public Draft create(FunctionId function, ObjectNode defaults) {
        List<Draft> drafts = functions.get(function);
        if (drafts == null) {
            throw new IllegalStateException("open " + function.qualifiedName() + " before creating objects for it");
        }
        Draft draft = Draft.created(this, function, defaults);
        drafts.stream().filter(d -> d.ref().equals(draft.ref())).findFirst().ifPresent(d -> {
            throw new IllegalArgumentException(d.ref() + " already exists; edit it instead of creating another");
        });
        drafts.add(draft);
        changed(draft);
        return draft;
    }

    /**
     * Drops a new object that was never applied; live objects cannot be discarded (revert them instead).
     *
     * @return whether the draft was removed
     */
    public boolean discard(Draft draft) {
        if (!draft.isNew()) {
            throw new IllegalArgumentException(draft.ref() + " exists in the cluster; revert it instead of discarding it");
        }
        List<Draft> drafts = functions.get(draft.function());
        boolean removed = drafts != null && drafts.remove(draft);
        if (removed) {
            changed(draft);
        }
        return removed;
    }

    /** The drafts of a function already opened; empty when it never was. */
    public List<Draft> drafts(FunctionId function) {
        return List.copyOf(functions.getOrDefault(function, List.of()));
    }

    /** Changed drafts of one function, in the order of {@link #pending()}. */
    public List<Draft> pendingOf(FunctionId function) {
        return pending().stream().filter(d -> d.function().equals(function)).toList();
    }

    /**
     * Drops a function's drafts, edits included, so that the next {@link #open} loads its objects afresh (after
     * they were applied, or changed by a rollback). Listeners are told with each dropped draft.
     */
    public void forget(FunctionId function) {
        List<Draft> dropped = functions.remove(function);
        if (dropped != null) {
            dropped.forEach(this::changed);
        }
    }

    /** Functions opened whose drafts are all unchanged: safe to reload from the cluster. */
    public List<FunctionId> clean() {
        return functions.entrySet().stream().filter(e -> e.getValue().stream().noneMatch(Draft::dirty))
                .map(Map.Entry::getKey).toList();
    }

    public boolean isOpen(FunctionId function) {
        return functions.containsKey(function);
    }

    /** The first draft that carries a traffic split the canary slider can drive. */
    public Optional<Draft> trafficDraft(FunctionId function) {
        return drafts(function).stream().filter(d -> TrafficEditorModel.drivable(d.initial())).findFirst();
    }

    /** Changed drafts of every function, in a stable order. */
    public List<Draft> pending() {
        return functions.values().stream().flatMap(List::stream).filter(Draft::dirty).sorted(ORDER).toList();
    }

    public boolean dirty() {
        return functions.values().stream().flatMap(List::stream).anyMatch(Draft::dirty);
    }

    public boolean dirty(FunctionId function) {
        return drafts(function).stream().anyMatch(Draft::dirty);
    }

    /** Called with the draft whenever a candidate changes (edit, undo, redo), on the editing thread. */
    public void addListener(Consumer<Draft> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Draft> listener) {
        listeners.remove(listener);
    }

    void changed(Draft draft) {
        listeners.forEach(l -> l.accept(draft));
    }

    /** Every pending change as one kubectl-applyable multi-document YAML, without server-owned fields. */
    public String exportYaml() {
        return YamlRenderer.renderForReview(pending().stream().map(Draft::candidate).map(JsonNode.class::cast).toList());
    }

    /**
     * Writes every pending change to {@code dir}, one file per object: {@code <namespace>/<kind>-<name>.yaml},
     * and Lambda aliases as {@code lambda/<function>-<alias>.yaml}.
     *
     * @return the files written, in the order of {@link #pending()}
     */
    public List<Path> exportTo(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Draft draft : pending()) {
            Path file = dir.resolve(fileName(draft.candidate()));
            Files.createDirectories(file.getParent());
            Files.writeString(file, YamlRenderer.render(YamlRenderer.forReview(draft.candidate())), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    /** Where an exported object goes, relative to the export directory. */
    public static String fileName(JsonNode object) {
        String kind = object.path("kind").asText("object");
        String name = object.path("metadata").path("name").asText("unnamed");
        if (kind.equals("LambdaAlias") && object.path("apiVersion").asText("").equals(CanaryEditor.LAMBDA_ALIAS_API_VERSION)) {
            return "lambda/" + safe(object.path("spec").path("functionName").asText("function")) + "-" + safe(name) + ".yaml";
        }
        String namespace = object.path("metadata").path("namespace").asText("");
        return (namespace.isEmpty() ? "cluster" : safe(namespace)) + "/" + safe(kind.toLowerCase(Locale.ROOT))
                + "-" + safe(name) + ".yaml";
    }

    private static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
