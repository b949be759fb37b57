package dev.meshdeck.connectors.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything discovery read from one cluster: one list per kind, each object as {@link Listed} reads it. Kinds the
 * cluster does not serve (CRD not installed) are in {@code absent} and read as empty lists.
 */
record ClusterObjects(Map<KubeKind<?>, List<? extends Listed.Item>> lists, Set<KubeKind<?>> absent) {

    ClusterObjects {
        lists = Map.copyOf(lists);
        absent = Set.copyOf(absent);
    }

    /** From fabric8 models (an informer's cache, a test's objects), read as the wire's JSON would be. */
    static ClusterObjects ofModels(Map<KubeKind<?>, List<? extends HasMetadata>> models, Set<KubeKind<?>> absent) {
        Map<KubeKind<?>, List<? extends Listed.Item>> lists = new HashMap<>();
        models.forEach((kind, objects) -> lists.put(kind, objects.stream().map(kind::listed).toList()));
        return new ClusterObjects(lists, absent);
    }

    /** The kind's objects, of the type its {@link KubeKind#reader()} reads (Listed.Pod for PODS, ...). */
    @SuppressWarnings("unchecked")
    <S extends Listed.Item> List<S> get(KubeKind<?> kind) {
        return (List<S>) lists.getOrDefault(kind, List.of());
    }
}
