package dev.meshdeck.connectors.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A cheap question to a cluster's API server — {@code GET /readyz} with a short timeout — asked when nothing else
 * was heard from it, so that a server that stopped answering is noticed within seconds even though informers retry
 * their watches silently. Any answer counts as an answer (a sandbox or proxy may not serve /readyz); 401/403 mean
 * the credentials are rejected, 429 that the server throttles, 5xx that it is unwell (/readyz answers 500 while
 * the server cannot reach etcd).
 */
final class ClusterProbe {

    /** Short: a healthy API server answers /readyz in milliseconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** When the server throttles without saying for how long. */
    static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(10);

    /** What the probe learned. */
    sealed interface Outcome {
    }

    record Answered() implements Outcome {
    }

    /** 401 or 403: the credentials expired or were revoked. */
    record Rejected(int code) implements Outcome {
    }

    /** 429: ask again after {@code backoff}. */
    record Throttled(Duration backoff) implements Outcome {
    }

    /** 5xx: the server answers but is unwell. */
    record Unwell(int code) implements Outcome {
    }

    /** No answer: connection refused, timed out, unknown host. */
    record Unreachable(Throwable cause) implements Outcome {
    }

    private ClusterProbe() {
    }

    /** Never completes exceptionally. */
    static CompletableFuture<Outcome> ask(KubernetesClient client) {
        return ask(client, TIMEOUT);
    }

    /** {@link #ask(KubernetesClient)} waiting {@code timeout} for the answer. */
    static CompletableFuture<Outcome> ask(KubernetesClient client, Duration timeout) {
        HttpClient http = client.getHttpClient();
        HttpRequest request = http.newHttpRequestBuilder()
                .uri(client.getMasterUrl().toString().replaceAll("/+$", "") + "/readyz")
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        return http.sendAsync(request, String.class)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .<Outcome>thenApply(ClusterProbe::classify)
                .exceptionally(e -> new Unreachable(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
    }

    static Outcome classify(HttpResponse<String> response) {
        int code = response.code();
        if (code == HttpURLConnection.HTTP_UNAUTHORIZED || code == HttpURLConnection.HTTP_FORBIDDEN) {
            return new Rejected(code);
        }
        if (code == 429) {
            return new Throttled(retryAfter(response.header("Retry-After")));
        }
        if (code >= 500) {
            return new Unwell(code);
        }
        return new Answered();
    }

    /** Retry-After in seconds (the form API servers send); the default for a date or nothing. */
    static Duration retryAfter(String header) {
        if (header != null && header.trim().matches("\\d{1,5}")) {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        }
        return DEFAULT_BACKOFF;
    }
}
