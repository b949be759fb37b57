package dev.meshdeck.connectors.prometheus;

import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertSource;
import dev.meshdeck.core.monitoring.MergedAlerts;
import dev.meshdeck.core.telemetry.TelemetryException;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts of one cluster (or of the URLs given): what its Prometheus servers evaluate as pending or firing,
 * merged with what its Alertmanagers say of them (receivers, silences, inhibitions).
 */
public final class ClusterAlerts implements AlertSource {

    /** The alerts read, and one message per server that could not be read (the rest still counts). */
    public record Reading(List<ActiveAlert> alerts, List<String> problems) {

        public Reading {
            alerts = List.copyOf(alerts);
            problems = List.copyOf(problems);
        }
    }

    private final String name;
    private final List<MonitoringEndpoint> prometheus;
    private final List<Alertmanager> alertmanagers;

    /** @param name what the user reads next to its alerts and failures, e.g. "alerts of context prod" */
    public ClusterAlerts(String name, List<MonitoringEndpoint> prometheus, List<Alertmanager> alertmanagers) {
        this.name = name;
        this.prometheus = List.copyOf(prometheus);
        this.alertmanagers = List.copyOf(alertmanagers);
    }

    @Override
    public String name() {
        return name;
    }

    /** The Alertmanagers it reads, to silence an alert in the one routing it. */
    public List<Alertmanager> alertmanagers() {
        return alertmanagers;
    }

    /** Every server, each failure a problem of its own: what `meshdeck alerts` prints. */
    public Reading readAll() {
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

    /**
     * Fails when a Prometheus cannot be read; an Alertmanager that cannot be read only leaves its receivers and
     * silences out (the alerts themselves are Prometheus').
     */
    @Override
    public List<ActiveAlert> read() throws TelemetryException {
        List<ActiveAlert> evaluated = new ArrayList<>();
        for (MonitoringEndpoint p : prometheus) {
            evaluated.addAll(PrometheusAlerts.read(p));
        }
        List<ActiveAlert> routed = new ArrayList<>();
        for (Alertmanager a : alertmanagers) {
            try {
                routed.addAll(a.alerts());
            } catch (TelemetryException e) {
                if (prometheus.isEmpty()) {
                    throw e;
                }
            }
        }
        return MergedAlerts.merge(evaluated, routed);
    }
}
