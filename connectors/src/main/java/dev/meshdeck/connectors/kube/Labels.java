package dev.meshdeck.connectors.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.Map;

/** Null-safe label reading, as Kubernetes objects may carry no labels at all. */
final class Labels {

    private Labels() {
    }

    static Map<String, String> of(HasMetadata o) {
        Map<String, String> labels = o.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    static String get(HasMetadata o, String key) {
        return of(o).get(key);
    }

    /** True when every selector entry is among {@code labels}. */
    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (labels == null) {
            return selector.isEmpty();
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Labels the Deployment gives its pods. */
    /**
     * The labels that describe a Deployment as a function: its pod template's, overridden by its own. Many
     * charts label only the pods (the seed's {@code function-with-sidecar} does), and the pods are what the mesh
     * and kubectl's {@code -l} see.
     */
    static Map<String, String> describing(Deployment d) {
        Map<String, String> template = podTemplate(d);
        if (template.isEmpty()) {
            return of(d);
        }
        Map<String, String> merged = new java.util.HashMap<>(template);
        merged.putAll(of(d));
        return merged;
    }

    static Map<String, String> podTemplate(Deployment d) {
        if (d.getSpec() == null || d.getSpec().getTemplate() == null || d.getSpec().getTemplate().getMetadata() == null
                || d.getSpec().getTemplate().getMetadata().getLabels() == null) {
            return Map.of();
        }
        return d.getSpec().getTemplate().getMetadata().getLabels();
    }

    /** The Deployment's pod selector (matchLabels), falling back to its pod template labels. */
    static Map<String, String> podSelector(Deployment d) {
        if (d.getSpec() != null && d.getSpec().getSelector() != null && d.getSpec().getSelector().getMatchLabels() != null
                && !d.getSpec().getSelector().getMatchLabels().isEmpty()) {
            return d.getSpec().getSelector().getMatchLabels();
        }
        return podTemplate(d);
    }
}
