package dev.meshdeck.sandbox.traffic;

import java.util.List;
import java.util.Map;

/** How traffic sent to a target splits over versions right now. */
public interface Routing {

    /** The versions answering for {@code target} with their shares (summing to 100, or empty: no route). */
    List<RoutedVersion> versionsOf(CallTarget target);

    /** Reads the routing again from where it lives; cheap implementations do nothing. */
    default void refresh() {
    }

    /** Reads again what may have changed since the last read (what a background ticker calls). */
    default void refreshChanged() {
        refresh();
    }

    /** A routing that never changes, for tests and fixed exporters. */
    static Routing fixed(Map<CallTarget, List<RoutedVersion>> table) {
        Map<CallTarget, List<RoutedVersion>> copy = Map.copyOf(table);
        return target -> copy.getOrDefault(target, List.of());
    }
}
