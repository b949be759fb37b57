package dev.meshdeck.core.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a rule may look at: the candidate resources and, when connected, the live objects of the
 * cluster, indexed by kind and by kind+namespace so that rules never scan the whole set per resource.
 */
public final class ValidationContext {

    private final List<Resource> all;
    private final Map<String, List<Resource>> byKind = new HashMap<>();
    private final Map<String, List<Resource>> byKindAndNamespace = new HashMap<>();
    private final boolean live;
    private final Map<Class<?>, Object> indexes = new HashMap<>();

    /**
     * @param live true when live cluster objects are included: then an absent kind means "none exists",
     *             and references to it can be checked
     */
    public ValidationContext(List<Resource> resources, boolean live) {
        this.all = List.copyOf(resources);
        this.live = live;
        for (Resource r : all) {
            byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
            byKindAndNamespace.computeIfAbsent(r.kind() + "/" + r.namespace(), k -> new ArrayList<>()).add(r);
        }
    }

    public List<Resource> all() {
        return all;
    }

    public List<Resource> candidates() {
        return all.stream().filter(Resource::candidate).collect(Collectors.toList());
    }

    public List<Resource> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    public List<Resource> ofKind(String kind, String namespace) {
        return byKindAndNamespace.getOrDefault(kind + "/" + namespace, List.of());
    }

    /**
     * Whether references to {@code kind} can be judged. Offline, a kind absent from the inputs is unknown
     * rather than empty, so a reference to it is not an error.
     */
    public boolean knows(String kind) {
        return live || byKind.containsKey(kind);
    }

    public boolean live() {
        return live;
    }

    public Set<String> namespaces() {
        Set<String> names = all.stream().map(Resource::namespace).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
        ofKind("Namespace").forEach(n -> names.add(n.name()));
        return names;
    }

    /**
     * A derived index shared by the rules of one validation (e.g. services by host), built on first use
     * and kept for the life of this context, so each rule stays linear without rebuilding it. Rules run in
     * parallel: the first to ask builds it while the others wait.
     */
    public synchronized <T> T index(Class<T> type, Function<ValidationContext, T> build) {
        Object cached = indexes.get(type);
        if (cached == null) {
            cached = build.apply(this);
            indexes.put(type, cached);
        }
        return type.cast(cached);
    }
}
