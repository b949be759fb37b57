package dev.meshdeck.core.monitoring;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An alert a Prometheus is evaluating as pending or firing, and the function it is about when its labels say.
 *
 * @param source   the Prometheus it came from (its URL, never a credential)
 * @param function "namespace/name" of the function, when the labels name one
 * @param severity the {@code severity} label, "" when absent (any value a team uses, not only ours)
 * @param since    when the alert became active (pending, then firing after its {@code for})
 * @param value    the expression's value when last evaluated (the p95 in ms, the error ratio, ...); NaN when
 *                 only an Alertmanager reported the alert (it does not carry values)
 * @param alertmanager what the Alertmanager routing the alert says of it, when one was read
 */
public record ActiveAlert(String source, Optional<String> function, String name, String severity,
                          State state, Instant since, double value, Map<String, String> labels, Optional<String> summary,
                          Optional<AlertmanagerState> alertmanager) {

    /** Prometheus' states of an active alert. */
    public enum State {
        PENDING, FIRING
    }

    public ActiveAlert {
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** An alert as a Prometheus evaluates it, before any Alertmanager is asked. */
    public ActiveAlert(String source, Optional<String> function, String name, String severity,
                       State state, Instant since, double value, Map<String, String> labels, Optional<String> summary) {
        this(source, function, name, severity, state, since, value, labels, summary, Optional.empty());
    }

    public ActiveAlert withAlertmanager(AlertmanagerState state) {
        return new ActiveAlert(source, function, name, severity, this.state, since, value, labels, summary, Optional.of(state));
    }

    /** True when an Alertmanager holds back its notifications with a silence. */
    public boolean silenced() {
        return alertmanager.map(AlertmanagerState::silenced).orElse(false);
    }

    /**
     * The function an alert's labels name: MeshDeck's SLO rules' {@code function} and {@code namespace}; else
     * Istio's {@code destination_service} FQDN ({@code name.namespace.svc.cluster.local}); else
     * {@code destination_workload} with {@code destination_workload_namespace}.
     */
    public static Optional<String> functionOf(Map<String, String> labels) {
        String function = labels.getOrDefault("function", "");
        String namespace = labels.getOrDefault("namespace", "");
        if (!function.isEmpty() && !namespace.isEmpty()) {
            return Optional.of(namespace + "/" + function);
        }
        String[] host = labels.getOrDefault("destination_service", "").split("\\.");
        if (host.length >= 3 && host[2].equals("svc")) {
            return Optional.of(host[1] + "/" + host[0]);
        }
        String workload = labels.getOrDefault("destination_workload", "");
        String workloadNamespace = labels.getOrDefault("destination_workload_namespace", "");
        if (!workload.isEmpty() && !workloadNamespace.isEmpty() && !workload.equals("unknown")) {
            return Optional.of(workloadNamespace + "/" + workload);
        }
        return Optional.empty();
    }
}
