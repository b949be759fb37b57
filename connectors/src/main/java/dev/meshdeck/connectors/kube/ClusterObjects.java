package dev.meshdeck.connectors.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything discovery read from one cluster: one list per kind. Kinds the cluster does not serve
 * (CRD not installed) are in {@code absent} and read as empty lists.
 */
record ClusterObjects(Map<KubeKind<?>, List<? extends HasMetadata>> lists, Set<KubeKind<?>> absent) {

    ClusterObjects {
        lists = Map.copyOf(lists);
        absent = Set.copyOf(absent);
    }

    @SuppressWarnings("unchecked")
    <T extends HasMetadata> List<T> get(KubeKind<T> kind) {
        return (List<T>) lists.getOrDefault(kind, List.of());
    }
}
