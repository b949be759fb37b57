package dev.meshdeck.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.telemetry.TelemetryException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cluster's own Prometheus (Istio's addon: Service {@code istio-system/prometheus}) queried through the
 * API server's service proxy, with the kube context's credentials: no port-forward, no extra URL to configure.
 */
public final class ApiServerProxyPrometheus implements PrometheusApi {

    public static final String NAMESPACE = "istio-system";
    public static final String SERVICE = "prometheus";

    private final KubernetesClient client;
    private final String namespace;
    private final String service;
    private final int port;
    private final Duration timeout;

    public ApiServerProxyPrometheus(KubernetesClient client, String namespace, String service, int port, Duration timeout) {
        this.client = client;
        this.namespace = namespace;
        this.service = service;
        this.port = port;
        this.timeout = timeout;
    }

    /**
     * Finds {@code istio-system/prometheus} and its web port (9090, else a port named http* or web, else the first).
     *
     * @return empty when the cluster has no such Service
     */
    public static Optional<ApiServerProxyPrometheus> discover(KubernetesClient client, Duration timeout) {
        return endpoint(client, timeout).map(e -> new ApiServerProxyPrometheus(client, NAMESPACE, SERVICE, e.port(), timeout));
    }

    /** The same Service as a plain endpoint, for the APIs beside queries ({@code /api/v1/alerts}). */
    public static Optional<ApiServerProxyEndpoint> endpoint(KubernetesClient client, Duration timeout) {
        return ApiServerProxyEndpoint.discover(client, List.of(NAMESPACE + "/" + SERVICE), 9090, timeout);
    }

    @Override
    public JsonNode query(String promql) throws TelemetryException {
        String url = client.getMasterUrl().toString().replaceAll("/+$", "") + proxyPath()
                + "api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder().uri(url)
                .header("Accept", "application/json").timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
        try {
            HttpResponse<String> response = client.getHttpClient().sendAsync(request, String.class)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return PrometheusAnswer.result(describe(), promql, response.code(), response.body());
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new TelemetryException("cannot reach Prometheus " + describe() + ": " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelemetryException("interrupted while querying Prometheus " + describe(), e);
        }
    }

    private String proxyPath() {
        return "/api/v1/namespaces/" + namespace + "/services/" + service + ":" + port + "/proxy/";
    }

    @Override
    public String describe() {
        return client.getMasterUrl().toString().replaceAll("/+$", "") + proxyPath() + " (API server proxy)";
    }
}
