package dev.meshdeck.core.editing.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** JSON-tree chores shared by the forms. */
final class Trees {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Trees() {
    }

    /** The one object of {@code yaml} (the YAML pane's text), checked to be of {@code kind}. */
    static ObjectNode read(String yaml, String... kinds) throws YamlProblem {
        List<YamlDocument> documents = new YamlReader().read("candidate.yaml", yaml);
        if (documents.size() != 1) {
            throw new IllegalArgumentException("the editor holds one object; the text has " + documents.size()
                    + " documents");
        }
        JsonNode tree = documents.get(0).tree();
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the text is not a Kubernetes object (a YAML mapping)");
        }
        requireKind(object, kinds);
        return object;
    }

    static void requireKind(JsonNode object, String... kinds) {
        String kind = object.path("kind").asText("");
        for (String k : kinds) {
            if (k.equals(kind)) {
                return;
            }
        }
        throw new IllegalArgumentException("this editor edits " + String.join(" or ", kinds) + ", not '"
                + (kind.isEmpty() ? "an object without kind" : kind) + "'");
    }

    /**
     * The array the typed edit will be merged onto, lined up with the form's list: element i is the
     * original element {@code origins[i]}, or {@code fresh[i]} for an entry the form added. Lining up
     * first lets the position-wise merge keep every untouched element (and its key order) intact when
     * entries are inserted, moved or removed.
     */
    static ArrayNode aligned(JsonNode original, List<Integer> origins, List<? extends JsonNode> fresh) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < origins.size(); i++) {
            int origin = origins.get(i);
            out.add(origin >= 0 && original != null && origin < original.size()
                    ? original.get(origin).deepCopy() : fresh.get(i));
        }
        return out;
    }

    /** {@code value} as JSON with {@code name} first, then the rest in the model's order, as people write it. */
    static ObjectNode nameFirst(Object value) {
        ObjectNode node = MAPPER.valueToTree(value);
        if (!node.has("name")) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("name", node.get("name"));
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("name")) {
                out.set(n, node.get(n));
            }
        }
        return out;
    }

    static List<Integer> identity(int size) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(i);
        }
        return out;
    }

    static <T> List<T> with(List<T> list, int index, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, value);
        return copy;
    }

    static <T> List<T> inserting(List<T> list, int index, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.add(index, value);
        return copy;
    }

    static <T> List<T> removing(List<T> list, int index) {
        List<T> copy = new ArrayList<>(list);
        copy.remove(index);
        return copy;
    }

    static <T> List<T> moving(List<T> list, int from, int to) {
        List<T> copy = new ArrayList<>(list);
        T item = copy.remove(from);
        copy.add(to, item);
        return copy;
    }
}
