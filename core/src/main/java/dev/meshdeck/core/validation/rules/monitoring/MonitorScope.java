package dev.meshdeck.core.validation.rules.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a ServiceMonitor or PodMonitor looks for its targets: the Services (or Pods) its selector matches in
 * the namespaces of its {@code namespaceSelector}; without one, in its own namespace only.
 */
record MonitorScope(Resource monitor, String targetKind, boolean anyNamespace, Set<String> namespaces) {

    /** The scope of every candidate ServiceMonitor and PodMonitor. */
    static List<MonitorScope> ofCandidates(ValidationContext context) {
        List<MonitorScope> scopes = new ArrayList<>();
        for (String kind : List.of("ServiceMonitor", "PodMonitor")) {
            MonitoringObjects.candidates(context, kind).forEach(m -> scopes.add(of(m)));
        }
        return scopes;
    }

    static MonitorScope of(Resource monitor) {
        JsonNode ns = monitor.spec().path("namespaceSelector");
        Set<String> names = new TreeSet<>();
        ns.path("matchNames").forEach(n -> names.add(n.asText()));
        if (names.isEmpty()) {
            names.add(monitor.namespace());
        }
        return new MonitorScope(monitor, monitor.kind().equals("PodMonitor") ? "Pod" : "Service",
                ns.path("any").asBoolean(false), names);
    }

    /** Live, or with core Services (Pods) among the inputs: then no match means none exists. */
    boolean targetsKnown(ValidationContext context) {
        return context.live() || context.ofKind(targetKind).stream().anyMatch(r -> r.group().isEmpty());
    }

    boolean hasNamespaceSelector() {
        return monitor.spec().has("namespaceSelector");
    }

    boolean covers(String namespace) {
        return anyNamespace || namespaces.contains(namespace);
    }

    /** Whether a Service or Pod carries the labels the monitor's selector asks for. */
    boolean selects(Resource target) {
        return target.group().isEmpty() && LabelSelectors.selects(monitor.spec().path("selector"), target.tree().path("metadata").path("labels"));
    }

    /** "Services" or "Pods", for messages. */
    String targets() {
        return targetKind + "s";
    }
}
