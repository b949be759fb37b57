package dev.meshdeck.app.wiring;

import dev.meshdeck.connectors.aws.LambdaAlarms;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.connectors.prometheus.Alertmanager;
import dev.meshdeck.connectors.prometheus.ApiServerProxyPrometheus;
import dev.meshdeck.connectors.prometheus.ClusterAlerts;
import dev.meshdeck.connectors.prometheus.DirectEndpoint;
import dev.meshdeck.connectors.prometheus.MonitoringEndpoint;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertSource;
import dev.meshdeck.core.telemetry.TelemetryException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where alerts are read: the Prometheus servers and Alertmanagers given as URLs, or per kube context the one given
 * for it ({@code CONTEXT=URL}) else its own Service ({@code istio-system/prometheus}; Alertmanager among
 * {@link Alertmanager#SERVICES}) through the API server proxy; and the CloudWatch alarms on Lambda functions of each
 * AWS region scanned. Each cluster and region is an {@link AlertSource} the window can poll ({@link #sources()}).
 * Owns the clusters' and AWS clients: close it.
 */
public final class AlertSources implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<ClusterAlerts> clusters;
    private final List<LambdaAlarms> lambdaAlarms;
    private final List<String> problems;
    private final List<AutoCloseable> owned;

    private AlertSources(List<ClusterAlerts> clusters, List<LambdaAlarms> lambdaAlarms, List<String> problems,
                         List<AutoCloseable> owned) {
        this.clusters = List.copyOf(clusters);
        this.lambdaAlarms = List.copyOf(lambdaAlarms);
        this.problems = List.copyOf(problems);
        this.owned = List.copyOf(owned);
    }

    /** True when every value is a bare URL: then those are read and no cluster is asked. */
    public static boolean urlsOnly(List<String> prometheusValues, List<String> alertmanagerValues) {
        List<String> all = new ArrayList<>(prometheusValues);
        all.addAll(alertmanagerValues);
        return !all.isEmpty() && all.stream().allMatch(v -> v.startsWith("http://") || v.startsWith("https://"));
    }

    /** The URLs given, read as one cluster's. */
    public static AlertSources ofUrls(List<String> prometheusValues, List<String> alertmanagerValues) {
        ClusterAlerts given = new ClusterAlerts("alerts of " + String.join(", ", concat(prometheusValues, alertmanagerValues)),
                prometheusValues.stream().map(v -> endpoint(Telemetry.url("--prometheus", "Prometheus", v))).toList(),
                alertmanagerValues.stream().map(v -> new Alertmanager(endpoint(Telemetry.url("--alertmanager", "Alertmanager", v)))).toList());
        return new AlertSources(List.of(given), List.of(), List.of(), List.of());
    }

    /**
     * Each kube context's Prometheus and Alertmanager, and each AWS region's Lambda alarms. A context without
     * Prometheus is a problem (named by {@link #read()}), one without Alertmanager is not. {@code sources} stays the
     * caller's to close.
     */
    public static AlertSources ofContexts(Sources sources, List<String> prometheusValues, List<String> alertmanagerValues) {
        List<SourceRef.KubeContext> contexts = Telemetry.contexts(sources);
        Map<String, URI> prometheusUrls = Telemetry.urlsByContext("--prometheus", "Prometheus", prometheusValues, contexts);
        Map<String, URI> alertmanagerUrls = Telemetry.urlsByContext("--alertmanager", "Alertmanager", alertmanagerValues, contexts);
        List<ClusterAlerts> clusters = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<AutoCloseable> owned = new ArrayList<>();
        Kubeconfigs kubeconfigs = sources.kubeconfigs();
        for (SourceRef.KubeContext ref : contexts) {
            String context = ref.context();
            URI prometheusUrl = prometheusUrls.get(context);
            URI alertmanagerUrl = alertmanagerUrls.get(context);
            KubernetesClient client = null;
            if (prometheusUrl == null || alertmanagerUrl == null) {
                client = kubeconfigs.newClient(context);
                owned.add(client);
            }
            List<MonitoringEndpoint> prometheus = new ArrayList<>();
            List<Alertmanager> alertmanagers = new ArrayList<>();
            try {
                if (prometheusUrl != null) {
                    prometheus.add(endpoint(prometheusUrl));
                } else {
                    ApiServerProxyPrometheus.endpoint(client, TIMEOUT).ifPresentOrElse(prometheus::add, () -> problems.add("no Prometheus in context " + context
                            + ": there is no Service " + ApiServerProxyPrometheus.NAMESPACE + "/" + ApiServerProxyPrometheus.SERVICE
                            + "; give its URL with --prometheus " + context + "=URL"));
                }
                if (alertmanagerUrl != null) {
                    alertmanagers.add(new Alertmanager(endpoint(alertmanagerUrl)));
                } else {
                    Alertmanager.discover(client, TIMEOUT).ifPresent(alertmanagers::add);
                }
            } catch (KubernetesClientException e) {
                problems.add("cannot look for Prometheus and Alertmanager in context " + context + ": "
                        + (e.getCode() > 0 ? "HTTP " + e.getCode() + " " : "") + e.getMessage());
            }
            if (!prometheus.isEmpty() || !alertmanagers.isEmpty()) {
                clusters.add(new ClusterAlerts("alerts of context " + context, prometheus, alertmanagers));
            }
        }
        List<LambdaAlarms> lambdaAlarms = sources.aws().settings()
                .map(aws -> aws.regions().stream().map(region -> new LambdaAlarms(aws, region)).toList())
                .orElse(List.of());
        owned.addAll(lambdaAlarms);
        return new AlertSources(clusters, lambdaAlarms, problems, owned);
    }

    private static MonitoringEndpoint endpoint(URI url) {
        return new DirectEndpoint(url, TIMEOUT);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The same sources, also closing {@code other} when closed (the command's {@link Sources}). */
    public AlertSources closingAlso(AutoCloseable other) {
        List<AutoCloseable> all = new ArrayList<>(owned);
        all.add(other);
        return new AlertSources(clusters, lambdaAlarms, problems, all);
    }

    /** One source per cluster (Prometheus merged with Alertmanager) and per AWS region, for a poller. */
    public List<AlertSource> sources() {
        List<AlertSource> all = new ArrayList<>(clusters);
        all.addAll(lambdaAlarms);
        return all;
    }

    /** Reads every source now: the merged alerts, with what could not be found or read. */
    public ClusterAlerts.Reading read() {
        List<String> all = new ArrayList<>(problems);
        List<ActiveAlert> alerts = new ArrayList<>();
        for (ClusterAlerts cluster : clusters) {
            ClusterAlerts.Reading reading = cluster.readAll();
            alerts.addAll(reading.alerts());
            all.addAll(reading.problems());
        }
        for (LambdaAlarms region : lambdaAlarms) {
            try {
                alerts.addAll(region.read());
            } catch (TelemetryException e) {
                all.add(e.getMessage());
            }
        }
        return new ClusterAlerts.Reading(alerts, all);
    }

    /** The Alertmanager with this {@link Alertmanager#describe()}, the one an alert's state names. */
    public Optional<Alertmanager> alertmanager(String source) {
        return alertmanagers().stream().filter(a -> a.describe().equals(source)).findFirst();
    }

    public List<Alertmanager> alertmanagers() {
        return clusters.stream().flatMap(c -> c.alertmanagers().stream()).toList();
    }

    @Override
    public void close() {
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                // closing clients: nothing left to do about a failure
            }
        }
    }
}
