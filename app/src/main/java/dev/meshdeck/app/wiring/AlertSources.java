package dev.meshdeck.app.wiring;

import dev.meshdeck.connectors.aws.LambdaAlarms;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.connectors.prometheus.Alertmanager;
import dev.meshdeck.connectors.prometheus.ApiServerProxyEndpoint;
import dev.meshdeck.connectors.prometheus.ApiServerProxyPrometheus;
import dev.meshdeck.connectors.prometheus.ClusterAlerts;
import dev.meshdeck.connectors.prometheus.DirectEndpoint;
import dev.meshdeck.connectors.prometheus.MonitoringEndpoint;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.monitoring.ActiveAlert;
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
 * AWS region scanned. Owns the clusters' clients, the AWS clients and the sources it was resolved from: close it.
 */
public final class AlertSources implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<MonitoringEndpoint> prometheus;
    private final List<Alertmanager> alertmanagers;
    private final List<String> problems;
    private final List<LambdaAlarms> lambdaAlarms;
    private final List<KubernetesClient> clients;
    private final Optional<Sources> sources;

    private AlertSources(List<MonitoringEndpoint> prometheus, List<Alertmanager> alertmanagers, List<LambdaAlarms> lambdaAlarms,
                         List<String> problems, List<KubernetesClient> clients, Optional<Sources> sources) {
        this.lambdaAlarms = List.copyOf(lambdaAlarms);
        this.sources = sources;
        this.prometheus = List.copyOf(prometheus);
        this.alertmanagers = List.copyOf(alertmanagers);
        this.problems = List.copyOf(problems);
        this.clients = List.copyOf(clients);
    }

    /** True when every value is a bare URL: then those are read and no cluster is asked. */
    public static boolean urlsOnly(List<String> prometheusValues, List<String> alertmanagerValues) {
        List<String> all = new ArrayList<>(prometheusValues);
        all.addAll(alertmanagerValues);
        return !all.isEmpty() && all.stream().allMatch(v -> v.startsWith("http://") || v.startsWith("https://"));
    }

    /** The URLs given, no cluster. */
    public static AlertSources ofUrls(List<String> prometheusValues, List<String> alertmanagerValues) {
        return new AlertSources(
                prometheusValues.stream().map(v -> endpoint(Telemetry.url("--prometheus", "Prometheus", v))).toList(),
                alertmanagerValues.stream().map(v -> new Alertmanager(endpoint(Telemetry.url("--alertmanager", "Alertmanager", v)))).toList(),
                List.of(), List.of(), List.of(), Optional.empty());
    }

    /**
     * Each kube context's Prometheus and Alertmanager; a context without Prometheus is a problem, without Alertmanager
     * not. Takes {@code sources} over (closed with this).
     */
    public static AlertSources ofContexts(Sources sources, List<String> prometheusValues, List<String> alertmanagerValues) {
        List<SourceRef.KubeContext> contexts = sources.kube().sources().stream()
                .filter(SourceRef.KubeContext.class::isInstance)
                .map(SourceRef.KubeContext.class::cast)
                .toList();
        Map<String, URI> prometheusUrls = Telemetry.urlsByContext("--prometheus", "Prometheus", prometheusValues, contexts);
        Map<String, URI> alertmanagerUrls = Telemetry.urlsByContext("--alertmanager", "Alertmanager", alertmanagerValues, contexts);
        List<MonitoringEndpoint> prometheus = new ArrayList<>();
        List<Alertmanager> alertmanagers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<KubernetesClient> clients = new ArrayList<>();
        Kubeconfigs kubeconfigs = sources.kubeconfigs();
        for (SourceRef.KubeContext ref : contexts) {
            String context = ref.context();
            URI prometheusUrl = prometheusUrls.get(context);
            URI alertmanagerUrl = alertmanagerUrls.get(context);
            KubernetesClient client = null;
            if (prometheusUrl == null || alertmanagerUrl == null) {
                client = kubeconfigs.newClient(context);
                clients.add(client);
            }
            try {
                if (prometheusUrl != null) {
                    prometheus.add(endpoint(prometheusUrl));
                } else {
                    ApiServerProxyEndpoint.discover(client, List.of(ApiServerProxyPrometheus.NAMESPACE + "/" + ApiServerProxyPrometheus.SERVICE),
                            9090, TIMEOUT).ifPresentOrElse(prometheus::add, () -> problems.add("no Prometheus in context " + context
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
        }
        List<LambdaAlarms> lambdaAlarms = sources.aws().settings()
                .map(aws -> aws.regions().stream().map(region -> new LambdaAlarms(aws, region)).toList())
                .orElse(List.of());
        return new AlertSources(prometheus, alertmanagers, lambdaAlarms, problems, clients, Optional.of(sources));
    }

    private static MonitoringEndpoint endpoint(URI url) {
        return new DirectEndpoint(url, TIMEOUT);
    }

    /** Reads every source now: the merged alerts, with what could not be found or read. */
    public ClusterAlerts.Reading read() {
        ClusterAlerts.Reading reading = ClusterAlerts.read(prometheus, alertmanagers);
        List<String> all = new ArrayList<>(problems);
        all.addAll(reading.problems());
        List<ActiveAlert> alerts = new ArrayList<>(reading.alerts());
        for (LambdaAlarms region : lambdaAlarms) {
            try {
                alerts.addAll(region.firing());
            } catch (TelemetryException e) {
                all.add(e.getMessage());
            }
        }
        return new ClusterAlerts.Reading(alerts, all);
    }

    /** The Alertmanager with this {@link Alertmanager#describe()}, the one an alert's state names. */
    public Optional<Alertmanager> alertmanager(String source) {
        return alertmanagers.stream().filter(a -> a.describe().equals(source)).findFirst();
    }

    public List<Alertmanager> alertmanagers() {
        return alertmanagers;
    }

    @Override
    public void close() {
        try {
            clients.forEach(KubernetesClient::close);
            lambdaAlarms.forEach(LambdaAlarms::close);
        } finally {
            sources.ifPresent(Sources::close);
        }
    }
}
