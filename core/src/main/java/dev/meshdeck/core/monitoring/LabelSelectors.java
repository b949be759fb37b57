package dev.meshdeck.core.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Selectors;
import java.util.HashSet;
import java.util.Set;

/** A Kubernetes LabelSelector ({@code matchLabels} and {@code matchExpressions}) as the API server applies it. */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /** True when {@code labels} satisfy every term of {@code selector}; an empty selector selects everything. */
    public static boolean selects(JsonNode selector, JsonNode labels) {
        if (!Selectors.selects(selector.path("matchLabels"), labels)) {
            return false;
        }
        for (JsonNode e : selector.path("matchExpressions")) {
            JsonNode label = labels.path(e.path("key").asText(""));
            Set<String> values = new HashSet<>();
            e.path("values").forEach(v -> values.add(v.asText()));
            boolean matches = switch (e.path("operator").asText("")) {
                case "In" -> label.isTextual() && values.contains(label.asText());
                case "NotIn" -> !label.isTextual() || !values.contains(label.asText());
                case "Exists" -> label.isTextual();
                case "DoesNotExist" -> !label.isTextual();
                default -> false;
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }
}
