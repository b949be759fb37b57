package dev.meshdeck.connectors.prometheus;

import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.MergedAlerts;
import dev.meshdeck.core.telemetry.TelemetryException;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts of one cluster (or of the URLs given): what its Prometheus servers evaluate as pending or firing,
 * merged with what its Alertmanagers say of them (receivers, silences, inhibitions).
 */
public final class ClusterAlerts {

    /** The alerts read, and one message per server that could not be read (the rest still counts). */
    public record Reading(List<ActiveAlert> alerts, List<String> problems) {

        public Reading {
            alerts = List.copyOf(alerts);
            problems = List.copyOf(problems);
        }
    }

    private ClusterAlerts() {
    }

    public static Reading read(List<MonitoringEndpoint> prometheus, List<Alertmanager> alertmanagers) {
        List<String> problems = new ArrayList<>();
        List<ActiveAlert> evaluated = new ArrayList<>();
        for (MonitoringEndpoint p : prometheus) {
            try {
                evaluated.addAll(PrometheusAlerts.read(p));
            } catch (TelemetryException e) {
                problems.add(e.getMessage());
            }
        }
        List<ActiveAlert> routed = new ArrayList<>();
        for (Alertmanager a : alertmanagers) {
            try {
                routed.addAll(a.alerts());
            } catch (TelemetryException e) {
                problems.add(e.getMessage());
            }
        }
        return new Reading(MergedAlerts.merge(evaluated, routed), problems);
    }
}
