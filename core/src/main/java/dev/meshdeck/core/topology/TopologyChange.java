package dev.meshdeck.core.topology;

import java.util.Set;

/**
 * What one update changed, so a layout and a view can follow without starting over.
 *
 * @param updated nodes still there whose badges, figures or function changed
 * @param edges   true when any edge was added, removed or got new figures
 */
public record TopologyChange(Set<String> added, Set<String> removed, Set<String> updated, boolean edges) {

    public TopologyChange {
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
        updated = Set.copyOf(updated);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && updated.isEmpty() && !edges;
    }
}
