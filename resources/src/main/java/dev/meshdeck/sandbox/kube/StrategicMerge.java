package dev.meshdeck.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * kubectl's strategic-merge patches, which the mock rejects, rewritten as JSON patches it applies. What sets a
 * strategic patch apart is lists: it merges list elements by their key ({@code kubectl set image} sends only
 * {@code {name, image}} of one container). Each keyed list in the patch is therefore replaced by the stored list
 * with the patch's elements merged in; directives ({@code $setElementOrder}, {@code $retainKeys}) are dropped and
 * {@code $patch: delete} removes an element. (The mock's own merge-patch handling appends to lists, so the
 * result is sent as JSON-patch operations that set each changed top-level field.)
 */
final class StrategicMerge {

    /** Kubernetes' patch merge keys for the lists kubectl patches (containers, env, ports, volumes, mounts, ...). */
    private static final List<String> MERGE_KEYS = List.of("name", "mountPath", "containerPort", "port", "type", "ip");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StrategicMerge() {
    }

    /** JSON-patch operations that have the strategic patch's effect on {@code stored}. */
    static ArrayNode toJsonPatch(JsonNode stored, JsonNode patch) {
        JsonNode merged = applyMergePatch(stored, toMergePatch(stored, patch));
        ArrayNode operations = NODES.arrayNode();
        patch.fieldNames().forEachRemaining(field -> {
            if (field.startsWith("$")) {
                return;
            }
            String path = "/" + field.replace("~", "~0").replace("/", "~1");
            if (merged.has(field)) {
                operations.addObject().put("op", "add").put("path", path).set("value", merged.get(field));
            } else if (stored.has(field)) {
                operations.addObject().put("op", "remove").put("path", path);
            }
        });
        return operations;
    }

    /** The merge patch that has the strategic patch's effect on {@code stored}. */
    private static JsonNode toMergePatch(JsonNode stored, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().startsWith("$")) {
                continue;
            }
            JsonNode value = field.getValue();
            JsonNode current = stored == null ? null : stored.get(field.getKey());
            String key = value.isArray() && current != null && current.isArray() ? mergeKey(value, current) : null;
            if (key != null) {
                result.set(field.getKey(), mergedList((ArrayNode) current, (ArrayNode) value, key));
            } else if (value.isObject()) {
                result.set(field.getKey(), toMergePatch(current != null && current.isObject() ? current : null, value));
            } else {
                result.set(field.getKey(), withoutDirectives(value));
            }
        }
        return result;
    }

    private static ArrayNode mergedList(ArrayNode stored, ArrayNode patch, String key) {
        ArrayNode merged = stored.deepCopy();
        for (JsonNode element : patch) {
            int at = indexOf(merged, key, element.get(key));
            if ("delete".equals(element.path("$patch").asText())) {
                if (at >= 0) {
                    merged.remove(at);
                }
            } else if (at >= 0) {
                merged.set(at, applyMergePatch(merged.get(at), toMergePatch(merged.get(at), element)));
            } else {
                merged.add(withoutDirectives(element));
            }
        }
        return merged;
    }

    /** RFC 7386: what a merge patch makes of {@code target}. */
    private static JsonNode applyMergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : NODES.objectNode();
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), applyMergePatch(result.get(field.getKey()), field.getValue()));
            }
        });
        return result;
    }

    /** The first merge key every element of both lists has, or null for lists that are replaced whole. */
    private static String mergeKey(JsonNode patch, JsonNode stored) {
        for (String key : MERGE_KEYS) {
            if (allHave(patch, key) && allHave(stored, key)) {
                return key;
            }
        }
        return null;
    }

    private static boolean allHave(JsonNode list, String key) {
        for (JsonNode element : list) {
            if (!element.isObject() || !element.has(key)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(ArrayNode list, String key, JsonNode value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).get(key).equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode withoutDirectives(JsonNode value) {
        if (value.isObject()) {
            ObjectNode copy = NODES.objectNode();
            value.fields().forEachRemaining(f -> {
                if (!f.getKey().startsWith("$")) {
                    copy.set(f.getKey(), withoutDirectives(f.getValue()));
                }
            });
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            value.forEach(element -> copy.add(withoutDirectives(element)));
            return copy;
        }
        return value;
    }
}
