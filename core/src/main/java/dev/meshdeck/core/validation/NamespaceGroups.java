package dev.meshdeck.core.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Objects that must be alone in their namespace (e.g. the selector-less PeerAuthentication or Sidecar). */
public final class NamespaceGroups {

    private NamespaceGroups() {
    }

    /** Calls {@code clash} with each object that shares its namespace with others, and those others. */
    public static void forEachClash(List<Resource> objects, BiConsumer<Resource, List<Resource>> clash) {
        Map<String, List<Resource>> byNamespace = new LinkedHashMap<>();
        objects.forEach(r -> byNamespace.computeIfAbsent(r.namespace(), k -> new ArrayList<>()).add(r));
        for (List<Resource> group : byNamespace.values()) {
            if (group.size() > 1) {
                for (Resource r : group) {
                    clash.accept(r, group.stream().filter(o -> o != r).toList());
                }
            }
        }
    }
}
