package dev.meshdeck.connectors.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Map;

/** Null-safe label reading, as Kubernetes objects may carry no labels at all. */
final class Labels {

    private Labels() {
    }

    static Map<String, String> of(HasMetadata o) {
        Map<String, String> labels = o.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
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
}
