package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Selectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Label sets indexed by each key=value pair, so that "does any of them match this selector" looks only at the
 * sets sharing the selector's first label instead of scanning them all.
 */
final class LabelIndex<T> {

    private final Map<String, List<Entry<T>>> byPair = new HashMap<>();
    private final List<Entry<T>> all = new ArrayList<>();

    record Entry<T>(JsonNode labels, T value) {
    }

    void add(JsonNode labels, T value) {
        Entry<T> e = new Entry<>(labels, value);
        all.add(e);
        labels.fields().forEachRemaining(f -> byPair.computeIfAbsent(f.getKey() + "=" + f.getValue().asText(),
                k -> new ArrayList<>()).add(e));
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** Every entry the selector (matchLabels; a missing or empty one selects all) matches. */
    List<T> selected(JsonNode matchLabels) {
        List<T> out = new ArrayList<>();
        for (Entry<T> e : candidates(matchLabels)) {
            if (!matchLabels.isObject() || Selectors.selects(matchLabels, e.labels())) {
                out.add(e.value());
            }
        }
        return out;
    }

    boolean anySelected(JsonNode matchLabels) {
        for (Entry<T> e : candidates(matchLabels)) {
            if (!matchLabels.isObject() || Selectors.selects(matchLabels, e.labels())) {
                return true;
            }
        }
        return false;
    }

    private List<Entry<T>> candidates(JsonNode matchLabels) {
        if (!matchLabels.isObject() || matchLabels.isEmpty()) {
            return all;
        }
        Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields();
        Map.Entry<String, JsonNode> first = it.next();
        return byPair.getOrDefault(first.getKey() + "=" + first.getValue().asText(), List.of());
    }
}
