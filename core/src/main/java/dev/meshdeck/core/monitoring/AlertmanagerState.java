package dev.meshdeck.core.monitoring;

import java.util.List;

/**
 * What an Alertmanager knows of an alert beyond the Prometheus evaluating it: where notifications go and whether
 * silences or inhibitions hold them back.
 *
 * @param source     the Alertmanager's URL (never a credential)
 * @param receivers  the receivers its route sends the alert to
 * @param silencedBy the ids of the silences matching it
 * @param inhibitedBy the fingerprints of the alerts inhibiting it
 */
public record AlertmanagerState(String source, List<String> receivers, List<String> silencedBy, List<String> inhibitedBy) {

    public AlertmanagerState {
        receivers = List.copyOf(receivers);
        silencedBy = List.copyOf(silencedBy);
        inhibitedBy = List.copyOf(inhibitedBy);
    }

    public boolean silenced() {
        return !silencedBy.isEmpty();
    }

    public boolean inhibited() {
        return !inhibitedBy.isEmpty();
    }
}
