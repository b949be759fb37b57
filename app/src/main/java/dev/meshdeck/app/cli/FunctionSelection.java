package dev.meshdeck.app.cli;

import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import java.util.LinkedHashMap;
import java.util.Map;

/** The functions a bulk command acts on: by namespace, label selector (key=value or key) and platform. */
record FunctionSelection(String namespace, Map<String, String> labels, Platform platform) {

    /** @param selector "app=x,tier" ({@code key} alone: the label exists), or null */
    FunctionSelection(String namespace, String selector, String platform) {
        this(namespace, parse(selector), platform == null ? null : Platform.fromId(platform));
    }

    private static Map<String, String> parse(String selector) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (selector != null) {
            for (String term : selector.split(",")) {
                String t = term.trim();
                if (t.isEmpty()) {
                    continue;
                }
                int eq = t.indexOf('=');
                labels.put(eq < 0 ? t : t.substring(0, eq).trim(), eq < 0 ? null : t.substring(eq + 1).trim());
            }
        }
        return labels;
    }

    boolean matches(ServerlessFunction fn) {
        return (namespace == null || namespace.equals(fn.namespace()))
                && (platform == null || platform == fn.platform())
                && labels.entrySet().stream().allMatch(l -> fn.labels().containsKey(l.getKey())
                && (l.getValue() == null || l.getValue().equals(fn.labels().get(l.getKey()))));
    }

    /** "namespace payments, platform kubernetes", for messages. */
    String describe() {
        StringBuilder s = new StringBuilder();
        if (namespace != null) {
            s.append("namespace ").append(namespace);
        }
        if (!labels.isEmpty()) {
            s.append(s.length() == 0 ? "" : ", ").append("labels ").append(labels);
        }
        if (platform != null) {
            s.append(s.length() == 0 ? "" : ", ").append("platform ").append(platform.id());
        }
        return s.toString();
    }
}
