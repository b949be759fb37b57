package dev.meshdeck.core.monitoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts active on one function, firing first then the oldest, with what a badge, a table column and a
 * filter need: how many fire, how many wait out their {@code for}, and the worst known severity.
 */
public record FunctionAlerts(String function, List<ActiveAlert> alerts) {

    /** Firing first, then the longest active, then by name: the order a person reads them in during an incident. */
    public static final Comparator<ActiveAlert> ORDER = Comparator.comparing((ActiveAlert a) -> a.state() != ActiveAlert.State.FIRING)
            .thenComparing(ActiveAlert::since).thenComparing(ActiveAlert::name);

    /** The most urgent first: more firing, then more pending; a function without alerts last. */
    public static final Comparator<FunctionAlerts> MOST_URGENT_FIRST = Comparator.comparingLong(FunctionAlerts::firing)
            .thenComparingLong(FunctionAlerts::pending).reversed();

    /** No alert: what a function without any shows. */
    public static FunctionAlerts none(String function) {
        return new FunctionAlerts(function, List.of());
    }

    public FunctionAlerts {
        alerts = alerts.stream().sorted(ORDER).toList();
    }

    /** The alerts that name a function ("namespace/name"), grouped by it; alerts naming none are left out. */
    public static Map<String, FunctionAlerts> byFunction(List<ActiveAlert> alerts) {
        Map<String, List<ActiveAlert>> grouped = new LinkedHashMap<>();
        for (ActiveAlert a : alerts) {
            a.function().ifPresent(f -> grouped.computeIfAbsent(f, k -> new ArrayList<>()).add(a));
        }
        Map<String, FunctionAlerts> result = new LinkedHashMap<>();
        grouped.forEach((f, list) -> result.put(f, new FunctionAlerts(f, list)));
        return result;
    }

    public long firing() {
        return count(ActiveAlert.State.FIRING);
    }

    public long pending() {
        return count(ActiveAlert.State.PENDING);
    }

    private long count(ActiveAlert.State state) {
        return alerts.stream().filter(a -> a.state() == state).count();
    }

    public boolean isEmpty() {
        return alerts.isEmpty();
    }

    /** The most urgent state: firing when any fires, pending when only pending ones, empty when none. */
    public Optional<ActiveAlert.State> worstState() {
        return alerts.isEmpty() ? Optional.empty() : Optional.of(alerts.get(0).state());
    }

    /**
     * The worst severity among the firing alerts (or the pending ones when none fires), among the values
     * {@link AlertSeverity} knows; a team's own values ("page", "P1") are shown on the alert but not ranked.
     */
    public Optional<AlertSeverity> worstSeverity() {
        ActiveAlert.State state = worstState().orElse(ActiveAlert.State.FIRING);
        return alerts.stream().filter(a -> a.state() == state)
                .flatMap(a -> known(a.severity()).stream())
                .min(Comparator.naturalOrder());
    }

    private static Optional<AlertSeverity> known(String label) {
        try {
            return Optional.of(AlertSeverity.of(label));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
