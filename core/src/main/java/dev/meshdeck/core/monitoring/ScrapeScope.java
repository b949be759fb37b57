package dev.meshdeck.core.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a ServiceMonitor or PodMonitor looks for its targets: the Services (or Pods) its {@code selector} matches in
 * the namespaces of its {@code namespaceSelector}; without one, in its own namespace only.
 *
 * @param targetKind "Service" for a ServiceMonitor, "Pod" for a PodMonitor
 */
public record ScrapeScope(String targetKind, boolean anyNamespace, Set<String> namespaces, JsonNode selector,
                          boolean hasNamespaceSelector) {

    public ScrapeScope {
        namespaces = Set.copyOf(namespaces);
    }

    /** The scope of a monitor object (its whole tree: metadata and spec). */
    public static ScrapeScope of(JsonNode monitor) {
        return of(monitor, monitor.path("metadata").path("namespace").asText(""));
    }

    /** The same, for a monitor whose namespace is known apart from its tree (a candidate file may leave it out). */
    public static ScrapeScope of(JsonNode monitor, String namespace) {
        JsonNode spec = monitor.path("spec");
        JsonNode ns = spec.path("namespaceSelector");
        Set<String> names = new TreeSet<>();
        ns.path("matchNames").forEach(n -> names.add(n.asText()));
        if (names.isEmpty()) {
            names.add(namespace);
        }
        return new ScrapeScope(monitor.path("kind").asText("").equals("PodMonitor") ? "Pod" : "Service",
                ns.path("any").asBoolean(false), names, spec.path("selector"), spec.has("namespaceSelector"));
    }

    public boolean covers(String namespace) {
        return anyNamespace || namespaces.contains(namespace);
    }

    /** Whether a Service or Pod (its whole tree) is one of its targets: in a covered namespace, with the labels asked for. */
    public boolean scrapes(JsonNode target) {
        return covers(target.path("metadata").path("namespace").asText("")) && selects(target);
    }

    /** Whether a Service or Pod carries the labels the selector asks for, wherever it lives. */
    public boolean selects(JsonNode target) {
        return LabelSelectors.selects(selector, target.path("metadata").path("labels"));
    }
}
