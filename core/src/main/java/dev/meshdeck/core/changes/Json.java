package dev.meshdeck.core.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field-level comparison of objects as a reviewer sees them (server-owned fields stripped): which fields one
 * version changed against another, whether two sets of changes touch the same fields, and whether the server
 * kept everything that was written. Numbers compare by value, so 90 read from YAML equals 90 read from JSON.
 */
public final class Json {

    private Json() {
    }

    /** Both objects, stripped for review, hold the same fields with the same values (key order ignored). */
    public static boolean sameForReview(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return same(YamlRenderer.forReview(a), YamlRenderer.forReview(b));
    }

    /** Deep equality with numbers compared by value and object keys in any order. */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null || !same(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * Whether every field of {@code expected} is in {@code actual} with the same value: what was written survived,
     * while fields the server defaults or adds are allowed.
     */
    public static boolean contains(JsonNode actual, JsonNode expected) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = actual.get(e.getKey());
                if (e.getValue().isNull() && other == null) {
                    continue;
                }
                if (other == null || !contains(other, e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!contains(actual.get(i), expected.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return same(actual, expected);
    }

    /**
     * The fields {@code to} changes against {@code from}, as JSON pointers to their new value (a missing node
     * for a removed field). Arrays of equal length are compared element by element; an array that grew or
     * shrank is one change of the whole array.
     */
    public static Map<String, JsonNode> changes(JsonNode from, JsonNode to) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect("", from, to, out);
        return out;
    }

    private static void collect(String pointer, JsonNode from, JsonNode to, Map<String, JsonNode> out) {
        if (from.isObject() && to.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            from.fieldNames().forEachRemaining(keys::add);
            to.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                JsonNode a = from.get(key);
                JsonNode b = to.get(key);
                if (a == null) {
                    out.put(child, b);
                } else if (b == null) {
                    out.put(child, MissingNode.getInstance());
                } else {
                    collect(child, a, b, out);
                }
            }
        } else if (from.isArray() && to.isArray() && from.size() == to.size()) {
            for (int i = 0; i < from.size(); i++) {
                collect(pointer + "/" + i, from.get(i), to.get(i), out);
            }
        } else if (!same(from, to)) {
            out.put(pointer, to);
        }
    }

    /** Whether a field of one set is the same as, inside, or around a field of the other. */
    public static List<String> overlapping(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>();
        for (String p : a) {
            for (String q : b) {
                if (p.equals(q) || p.startsWith(q + "/") || q.startsWith(p + "/")) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    /** A copy of {@code target} with {@code changes} (from {@link #changes}) applied. */
    public static ObjectNode apply(ObjectNode target, Map<String, JsonNode> changes) {
        ObjectNode copy = target.deepCopy();
        changes.forEach((pointer, value) -> set(copy, pointer, value));
        return copy;
    }

    private static void set(ObjectNode root, String pointer, JsonNode value) {
        String[] parts = pointer.substring(1).split("/", -1);
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String key = unescape(parts[i]);
            JsonNode next = node.isArray() ? node.get(Integer.parseInt(key)) : node.get(key);
            if (next == null || !(next.isContainerNode())) {
                next = ((ObjectNode) node).putObject(key);
            }
            node = next;
        }
        String last = unescape(parts[parts.length - 1]);
        if (node instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (value.isMissingNode()) {
                array.remove(index);
            } else {
                array.set(index, value.deepCopy());
            }
        } else if (value.isMissingNode()) {
            ((ObjectNode) node).remove(last);
        } else {
            ((ObjectNode) node).set(last, value.deepCopy());
        }
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
