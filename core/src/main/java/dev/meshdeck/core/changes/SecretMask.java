package dev.meshdeck.core.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.validation.rules.config.CredentialInConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What MeshDeck keeps of a Kubernetes Secret in its history and shows in a diff: the keys of {@code data} and
 * {@code stringData}, never their values (nor kubectl's last-applied copy of them). A ConfigMap key that looks like
 * a credential (MD0705) is kept the same way: it belongs in a Secret, and until it is moved it is treated as one.
 */
public final class SecretMask {

    public static final String MASK = "****";

    /** What a diff shows for a masked value that the change replaces. */
    public static final String CHANGED = MASK + " (changed)";

    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private SecretMask() {
    }

    public static boolean isSecret(JsonNode object) {
        return object != null && object.path("kind").asText().equals("Secret") && object.path("apiVersion").asText().equals("v1");
    }

    private static boolean isConfigMap(JsonNode object) {
        return object != null && object.path("kind").asText().equals("ConfigMap") && object.path("apiVersion").asText().equals("v1");
    }

    /** The keys whose values are never kept: every key of a Secret, a ConfigMap's credential-looking ones; null for none. */
    private static Predicate<String> maskedKeys(JsonNode object) {
        return isSecret(object) ? key -> true : isConfigMap(object) ? CredentialInConfigMap::looksLikeCredential : null;
    }

    /** A copy safe to persist; the object itself when it has nothing to mask (or is null). */
    public static ObjectNode mask(ObjectNode object) {
        return mask(object, null);
    }

    /**
     * {@code after} as a diff may show it next to {@link #mask masked} {@code before}: a masked value the change
     * replaces reads {@link #CHANGED}, so that the diff says which key changes without saying what it holds.
     */
    public static ObjectNode maskAfter(ObjectNode before, ObjectNode after) {
        return mask(after, before);
    }

    private static ObjectNode mask(ObjectNode object, ObjectNode before) {
        Predicate<String> masked = maskedKeys(object);
        if (masked == null) {
            return object;
        }
        ObjectNode copy = object.deepCopy();
        for (String field : List.of("data", "stringData")) {
            if (copy.get(field) instanceof ObjectNode values) {
                List<String> keys = new ArrayList<>();
                values.fieldNames().forEachRemaining(keys::add);
                for (String k : keys) {
                    if (masked.test(k)) {
                        JsonNode was = before == null ? null : before.path(field).get(k);
                        values.put(k, was == null || was.equals(values.get(k)) ? MASK : CHANGED);
                    }
                }
            }
        }
        if (copy.path("metadata").get("annotations") instanceof ObjectNode annotations) {
            annotations.remove(LAST_APPLIED);
        }
        return copy;
    }

    /** Whether this object came back masked from the history: writing it would destroy the values it stood for. */
    public static boolean isMasked(JsonNode object) {
        Predicate<String> masked = maskedKeys(object);
        if (masked == null) {
            return false;
        }
        for (String field : List.of("data", "stringData")) {
            for (var values = object.path(field).fields(); values.hasNext(); ) {
                var value = values.next();
                if (masked.test(value.getKey()) && MASK.equals(value.getValue().asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
