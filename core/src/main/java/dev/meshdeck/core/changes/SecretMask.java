package dev.meshdeck.core.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What MeshDeck keeps of a Kubernetes Secret in its history: the keys of {@code data} and {@code stringData},
 * never their values (nor kubectl's last-applied copy of them).
 */
public final class SecretMask {

    public static final String MASK = "****";

    private SecretMask() {
    }

    public static boolean isSecret(JsonNode object) {
        return object != null && object.path("kind").asText().equals("Secret") && object.path("apiVersion").asText().equals("v1");
    }

    /** A copy safe to persist; the object itself when it is no Secret (or null). */
    public static ObjectNode mask(ObjectNode object) {
        if (!isSecret(object)) {
            return object;
        }
        ObjectNode copy = object.deepCopy();
        for (String field : List.of("data", "stringData")) {
            if (copy.get(field) instanceof ObjectNode values) {
                List<String> keys = new java.util.ArrayList<>();
                values.fieldNames().forEachRemaining(keys::add);
                keys.forEach(k -> values.put(k, MASK));
            }
        }
        if (copy.path("metadata").get("annotations") instanceof ObjectNode annotations) {
            annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
        }
        return copy;
    }

    /** Whether this object came back masked from the history: writing it would destroy the Secret's values. */
    public static boolean isMasked(JsonNode object) {
        if (!isSecret(object)) {
            return false;
        }
        for (String field : List.of("data", "stringData")) {
            for (JsonNode value : object.path(field)) {
                if (MASK.equals(value.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
