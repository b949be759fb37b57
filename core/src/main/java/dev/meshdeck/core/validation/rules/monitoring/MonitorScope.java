package dev.meshdeck.core.validation.rules.monitoring;

import dev.meshdeck.core.monitoring.ScrapeScope;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A candidate ServiceMonitor or PodMonitor with its {@link ScrapeScope}. */
record MonitorScope(Resource monitor, ScrapeScope scope) {

    /** The scope of every candidate ServiceMonitor and PodMonitor. */
    static List<MonitorScope> ofCandidates(ValidationContext context) {
        List<MonitorScope> scopes = new ArrayList<>();
        for (String kind : List.of("ServiceMonitor", "PodMonitor")) {
            MonitoringObjects.candidates(context, kind).forEach(m -> scopes.add(of(m)));
        }
        return scopes;
    }

    static MonitorScope of(Resource monitor) {
        return new MonitorScope(monitor, ScrapeScope.of(monitor.tree(), monitor.namespace()));
    }

    String targetKind() {
        return scope.targetKind();
    }

    Set<String> namespaces() {
        return scope.namespaces();
    }

    /** Live, or with core Services (Pods) among the inputs: then no match means none exists. */
    boolean targetsKnown(ValidationContext context) {
        return context.live() || context.ofKind(targetKind()).stream().anyMatch(r -> r.group().isEmpty());
    }

    boolean hasNamespaceSelector() {
        return scope.hasNamespaceSelector();
    }

    boolean covers(String namespace) {
        return scope.covers(namespace);
    }

    /** Whether a Service or Pod carries the labels the monitor's selector asks for. */
    boolean selects(Resource target) {
        return target.group().isEmpty() && scope.selects(target.tree());
    }

    /** "Services" or "Pods", for messages. */
    String targets() {
        return targetKind() + "s";
    }
}
