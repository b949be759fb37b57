package dev.meshdeck.connectors.prometheus;

import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TelemetrySource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Optional;

/**
 * A cluster's own Prometheus, found on first use (and looked for again while missing) as the Service
 * {@code istio-system/prometheus}, queried through the API server proxy. Owns and closes its client.
 */
public final class ClusterPrometheus implements TelemetrySource {

    private final String scope;
    private final String context;
    private final KubernetesClient client;
    private final Duration timeout;
    private volatile PrometheusTelemetry found;

    /**
     * @param scope   the context's {@code SourceRef.id()}
     * @param context the context's name, for messages
     */
    public ClusterPrometheus(String scope, String context, KubernetesClient client, Duration timeout) {
        this.scope = scope;
        this.context = context;
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        PrometheusTelemetry telemetry = found;
        return telemetry != null ? telemetry.name()
                : "prometheus of context " + context + " (" + ApiServerProxyPrometheus.NAMESPACE + "/"
                        + ApiServerProxyPrometheus.SERVICE + ", not found yet)";
    }

    @Override
    public TelemetrySnapshot fetch(Duration window) throws TelemetryException {
        PrometheusTelemetry telemetry = found;
        if (telemetry == null) {
            telemetry = new PrometheusTelemetry(scope, discover());
            found = telemetry;
        }
        return telemetry.fetch(window);
    }

    private ApiServerProxyPrometheus discover() throws TelemetryException {
        Optional<ApiServerProxyPrometheus> api;
        try {
            api = ApiServerProxyPrometheus.discover(client, timeout);
        } catch (KubernetesClientException e) {
            throw new TelemetryException("cannot look for Prometheus in context " + context + " ("
                    + client.getMasterUrl() + "): " + (e.getCode() > 0 ? "HTTP " + e.getCode() + " " : "")
                    + e.getMessage(), e);
        }
        return api.orElseThrow(() -> new TelemetryException("no Prometheus in context " + context + ": there is no Service "
                + ApiServerProxyPrometheus.NAMESPACE + "/" + ApiServerProxyPrometheus.SERVICE
                + "; give its URL with --prometheus " + context + "=URL"));
    }

    @Override
    public void close() {
        client.close();
    }
}
