package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.Health;

import java.util.Comparator;
import java.util.List;

/** Health ordered by severity: sorting ascending lists what is down first, then degraded, unknown, healthy. */
public final class HealthOrder {

    private static final List<Health.Level> WORST_FIRST_LEVELS =
            List.of(Health.Level.DOWN, Health.Level.DEGRADED, Health.Level.UNKNOWN, Health.Level.HEALTHY);

    /** Within a level, the smaller share of ready replicas first (1/3 before 2/3). */
    public static final Comparator<Health> WORST_FIRST = Comparator
            .comparingInt((Health h) -> WORST_FIRST_LEVELS.indexOf(h.level()))
            .thenComparingDouble(h -> h.desired() == 0 ? 1.0 : (double) h.ready() / h.desired());

    private HealthOrder() {
    }
}
