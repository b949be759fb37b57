package dev.meshdeck.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.function.UnaryOperator;

/**
 * A Kubernetes object as it was read (live or from a file) plus the edits made to it through the typed model.
 *
 * <p>The original tree stays the base: an edit is turned into a typed object, and only the fields that the
 * edit changed are merged back (see {@link TreeMerge}). Unknown fields, labels, annotations and the order of
 * every untouched field survive, so the diff a reviewer sees holds just the edit. Immutable.
 */
public final class PolicyDocument {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode original;
    private final ObjectNode current;

    private PolicyDocument(ObjectNode original, ObjectNode current) {
        this.original = original;
        this.current = current;
    }

    public static PolicyDocument of(JsonNode tree) {
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("a Kubernetes object is a YAML mapping, not " + tree.getNodeType());
        }
        return new PolicyDocument(object.deepCopy(), object.deepCopy());
    }

    public static PolicyDocument of(YamlDocument document) {
        return of(document.tree());
    }

    /** The object with every edit so far (a copy: callers cannot change this document). */
    public ObjectNode tree() {
        return current.deepCopy();
    }

    /** The object as it was read. */
    public ObjectNode original() {
        return original.deepCopy();
    }

    public boolean changed() {
        return !original.equals(current);
    }

    /** The current object as a fabric8 type, e.g. {@code as(VirtualService.class)}. */
    public <T extends KubernetesResource> T as(Class<T> type) {
        try {
            return MAPPER.treeToValue(current, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(current.path("kind").asText("object") + " "
                    + current.path("metadata").path("name").asText("") + " cannot be read as "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records an edit: {@code edited} is the whole object after the change, typically
     * {@code policy.applyTo(document.as(VirtualService.class))}. Only its differences to the current typed
     * view reach the tree.
     */
    public PolicyDocument edit(KubernetesResource edited) {
        JsonNode base = MAPPER.valueToTree(as(edited.getClass()));
        JsonNode after = MAPPER.valueToTree(edited);
        JsonNode merged = TreeMerge.merge(current, base, after);
        return new PolicyDocument(original, merged == null ? current : (ObjectNode) merged);
    }

    /** Shorthand: read as {@code type}, apply {@code change}, record the edit. */
    public <T extends KubernetesResource> PolicyDocument edit(Class<T> type, UnaryOperator<T> change) {
        return edit(change.apply(as(type)));
    }
}
