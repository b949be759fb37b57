package dev.meshdeck.core.authz;

import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelector;
import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelectorBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code selector.matchLabels} of a security policy; empty: every workload of the namespace. */
final class Workloads {

    private Workloads() {
    }

    static WorkloadSelector selector(Map<String, String> matchLabels) {
        return matchLabels.isEmpty() ? null : new WorkloadSelectorBuilder().withMatchLabels(matchLabels).build();
    }

    static Map<String, String> labels(WorkloadSelector selector) {
        return selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    }

    static Map<String, String> ordered(Map<String, String> labels) {
        return labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
