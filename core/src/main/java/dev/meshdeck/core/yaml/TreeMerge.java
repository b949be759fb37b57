package dev.meshdeck.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Three-way merge of JSON trees: applies the change from {@code base} to {@code edited} onto {@code target}.
 *
 * <p>{@code base} is the typed model's rendering of {@code target} before the edit, {@code edited} after it.
 * Only what differs between the two reaches {@code target}, so anything the typed model normalises
 * (number forms, dropped empty lists, unknown fields) and the key order of {@code target} stay as they
 * were: changed keys are updated in place, new keys are appended, keys the edit removed are removed.
 */
final class TreeMerge {

    private TreeMerge() {
    }

    static JsonNode merge(JsonNode target, JsonNode base, JsonNode edited) {
        if (base != null && base.equals(edited)) {
            return target;
        }
        if (edited == null || edited.isMissingNode()) {
            return null;
        }
        if (target != null && target.isObject() && base != null && base.isObject() && edited.isObject()) {
            return mergeObjects((ObjectNode) target, (ObjectNode) base, (ObjectNode) edited);
        }
        if (target != null && target.isArray() && base != null && base.isArray() && edited.isArray()
                && target.size() == base.size()) {
            return mergeArrays((ArrayNode) target, (ArrayNode) base, (ArrayNode) edited);
        }
        return edited.deepCopy();
    }

    private static ObjectNode mergeObjects(ObjectNode target, ObjectNode base, ObjectNode edited) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        Iterator<String> names = target.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode before = base.get(name);
            JsonNode after = edited.get(name);
            if (before == null && after == null) {
                // a field the typed model does not render (empty list, null): not part of the edit
                result.set(name, target.get(name));
            } else if (after == null) {
                // the edit cleared it
                continue;
            } else {
                JsonNode merged = merge(target.get(name), before, after);
                if (merged != null) {
                    result.set(name, merged);
                }
            }
        }
        Iterator<String> added = edited.fieldNames();
        while (added.hasNext()) {
            String name = added.next();
            if (!target.has(name)) {
                result.set(name, edited.get(name).deepCopy());
            }
        }
        return result;
    }

    private static ArrayNode mergeArrays(ArrayNode target, ArrayNode base, ArrayNode edited) {
        // list elements are matched by position, as Istio and Kubernetes treat these lists
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < edited.size(); i++) {
            out.add(i < target.size() ? merge(target.get(i), base.get(i), edited.get(i)) : edited.get(i).deepCopy());
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        out.forEach(result::add);
        return result;
    }
}
