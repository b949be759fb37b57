package dev.meshdeck.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Label selection as Kubernetes and Istio apply it (equality matchLabels). */
public final class Selectors {

    private Selectors() {
    }

    /** True when every label of {@code selector} (a map node) is present with the same value in {@code labels}. */
    public static boolean selects(JsonNode selector, JsonNode labels) {
        Iterator<Map.Entry<String, JsonNode>> wanted = selector.fields();
        while (wanted.hasNext()) {
            Map.Entry<String, JsonNode> e = wanted.next();
            if (!labels.path(e.getKey()).isTextual() || !labels.path(e.getKey()).asText().equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    /** "app=web,version=v1" for messages. */
    public static String describe(JsonNode selector) {
        StringBuilder s = new StringBuilder();
        selector.fields().forEachRemaining(e -> {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(e.getKey()).append('=').append(e.getValue().asText());
        });
        return s.toString();
    }
}
