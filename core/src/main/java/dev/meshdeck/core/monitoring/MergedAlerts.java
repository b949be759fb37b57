package dev.meshdeck.core.monitoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One list of alerts from the Prometheus servers evaluating them and the Alertmanagers routing them. An alert is
 * the same in both when it has the same labels; Alertmanager may add the Prometheus' {@code external_labels}, so
 * an Alertmanager alert carrying every label of a Prometheus alert (and a few more) is that alert too.
 */
public final class MergedAlerts {

    private MergedAlerts() {
    }

    /**
     * @param evaluated alerts as Prometheus reports them (pending and firing, with values)
     * @param routed    alerts as Alertmanager reports them, each with its {@link ActiveAlert#alertmanager()}
     * @return the evaluated alerts with their Alertmanager state, then the routed alerts no Prometheus read here
     *         reported (from a Prometheus MeshDeck does not reach)
     */
    public static List<ActiveAlert> merge(List<ActiveAlert> evaluated, List<ActiveAlert> routed) {
        List<ActiveAlert> merged = new ArrayList<>();
        Set<ActiveAlert> matched = new HashSet<>();
        for (ActiveAlert alert : evaluated) {
            Optional<ActiveAlert> same = sameAlert(alert, routed);
            same.ifPresent(matched::add);
            merged.add(same.flatMap(ActiveAlert::alertmanager).map(alert::withAlertmanager).orElse(alert));
        }
        routed.stream().filter(a -> !matched.contains(a)).forEach(merged::add);
        return merged;
    }

    /** The routed alert with exactly its labels, else the one with all its labels and the fewest extra. */
    private static Optional<ActiveAlert> sameAlert(ActiveAlert alert, List<ActiveAlert> routed) {
        ActiveAlert best = null;
        for (ActiveAlert candidate : routed) {
            if (contains(candidate.labels(), alert.labels())
                    && (best == null || candidate.labels().size() < best.labels().size())) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean contains(Map<String, String> labels, Map<String, String> subset) {
        return subset.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
