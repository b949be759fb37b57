package dev.meshdeck.connectors.prometheus;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A monitoring Service of a cluster asked through the API server's service proxy, with the context's credentials. */
public final class ApiServerProxyEndpoint implements MonitoringEndpoint {

    private final KubernetesClient client;
    private final String namespace;
    private final String service;
    private final int port;
    private final Duration timeout;

    public ApiServerProxyEndpoint(KubernetesClient client, String namespace, String service, int port, Duration timeout) {
        this.client = client;
        this.namespace = namespace;
        this.service = service;
        this.port = port;
        this.timeout = timeout;
    }

    /**
     * The first of these Services that exists, on its {@code preferredPort}, else a port named http* or web, else
     * its first port.
     *
     * @param candidates "namespace/name" in the order to try
     */
    public static Optional<ApiServerProxyEndpoint> discover(KubernetesClient client, List<String> candidates, int preferredPort,
                                                            Duration timeout) {
        for (String candidate : candidates) {
            String[] ref = candidate.split("/", 2);
            Service svc = client.services().inNamespace(ref[0]).withName(ref[1]).get();
            if (svc == null || svc.getSpec() == null || svc.getSpec().getPorts() == null || svc.getSpec().getPorts().isEmpty()) {
                continue;
            }
            ServicePort web = svc.getSpec().getPorts().stream()
                    .min(Comparator.comparingInt((ServicePort p) -> Integer.valueOf(preferredPort).equals(p.getPort()) ? 0
                            : p.getName() != null && (p.getName().startsWith("http") || p.getName().equals("web")) ? 1 : 2))
                    .orElseThrow();
            return Optional.of(new ApiServerProxyEndpoint(client, ref[0], ref[1], web.getPort(), timeout));
        }
        return Optional.empty();
    }

    @Override
    public Reply send(String method, String path, Optional<String> json) throws IOException {
        HttpRequest.Builder request = client.getHttpClient().newHttpRequestBuilder().uri(base() + path)
                .header("Accept", "application/json").timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (json.isPresent() || !method.equals("GET")) {
            request.method(method, "application/json", json.orElse(""));
        }
        try {
            HttpResponse<String> response = client.getHttpClient().sendAsync(request.build(), String.class)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Reply(response.code(), response.body());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** The Service port the proxy reaches. */
    public int port() {
        return port;
    }

    private String base() {
        return client.getMasterUrl().toString().replaceAll("/+$", "") + "/api/v1/namespaces/" + namespace + "/services/"
                + service + ":" + port + "/proxy/";
    }

    @Override
    public String describe() {
        return base() + " (API server proxy)";
    }
}
