package dev.meshdeck.connectors.kube;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Lists every {@link KubeKind} of one cluster in parallel, one paged call per kind across all namespaces, each
 * answer read as a stream into {@link Listed} objects as it arrives.
 */
final class ClusterReader {

    /** Objects per page. */
    static final int PAGE = 500;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Logger LOG = LoggerFactory.getLogger(ClusterReader.class);

    private ClusterReader() {
    }

    /**
     * @throws ListFailure the first failure other than "kind not served" (404): the cluster is unreachable,
     *                     credentials are rejected, or listing a kind is forbidden
     */
    static ClusterObjects readAll(KubernetesClient client, Executor executor) {
        return readAll(client, executor, (kind, items) -> { });
    }

    /**
     * {@link #readAll(KubernetesClient, Executor)} telling {@code arrived}, on the thread that read it, each kind's
     * list as soon as it is read (null for a kind the cluster does not serve), before the slower kinds are done.
     */
    static ClusterObjects readAll(KubernetesClient client, Executor executor,
                                  BiConsumer<KubeKind<?>, List<? extends Listed.Item>> arrived) {
        Map<KubeKind<?>, CompletableFuture<List<? extends Listed.Item>>> calls = new HashMap<>();
        for (KubeKind<?> kind : KubeKind.ALL) {
            calls.put(kind, CompletableFuture.supplyAsync(() -> {
                List<? extends Listed.Item> items = listOrNull(client, kind);
                arrived.accept(kind, items);
                return items;
            }, executor));
        }
        Map<KubeKind<?>, List<? extends Listed.Item>> lists = new HashMap<>();
        Set<KubeKind<?>> absent = new HashSet<>();
        try {
            CompletableFuture.allOf(calls.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            calls.values().forEach(c -> c.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        calls.forEach((kind, call) -> {
            List<? extends Listed.Item> items = call.join();
            if (items == null) {
                absent.add(kind);
            } else {
                lists.put(kind, items);
            }
        });
        return new ClusterObjects(lists, absent);
    }

    /**
     * The kind's objects in all namespaces, or null when the cluster does not serve the kind. Read page by page
     * ({@value #PAGE} objects, as kubectl does); each page's {@code continue} token comes before its items, so the
     * next page is asked for before this one is read.
     */
    private static List<? extends Listed.Item> listOrNull(KubernetesClient client, KubeKind<?> kind) {
        List<Listed.Item> items = new ArrayList<>();
        long start = System.nanoTime();
        long waited = 0;
        long bytes = 0;
        CompletableFuture<HttpResponse<byte[]>> page = request(client, kind, null);
        boolean first = true;
        while (page != null) {
            long asked = System.nanoTime();
            HttpResponse<byte[]> response = answer(page, kind);
            waited += System.nanoTime() - asked;
            if (first && response.code() == HttpURLConnection.HTTP_NOT_FOUND) {
                return null;
            }
            if (!response.isSuccessful()) {
                throw new ListFailure(kind, refusal(response));
            }
            first = false;
            page = null;
            bytes += response.body().length;
            try (JsonParser p = JSON.createParser(response.body())) {
                p.nextToken();
                if (!ListedJson.isObject(p)) {
                    throw new IOException("the answer is not a list");
                }
                for (String f; (f = ListedJson.next(p)) != null; ) {
                    switch (f) {
                        case "metadata" -> {
                            String next = ListedJson.field(p, "continue", ListedJson::text);
                            if (next != null && !next.isEmpty()) {
                                page = request(client, kind, next);
                            }
                        }
                        case "items" -> items.addAll(ListedJson.array(p, kind.reader()::read));
                        default -> p.skipChildren();
                    }
                }
            } catch (IOException e) {
                if (page != null) {
                    page.cancel(true);
                }
                throw new ListFailure(kind, new KubernetesClientException("reading the list of " + kind.resourceName()
                        + " failed: " + e.getMessage(), e));
            }
        }
        LOG.debug("{}: {} objects, {} KB in {} ms, {} ms of it waiting for the server", kind.resourceName(), items.size(),
                bytes / 1024, (System.nanoTime() - start) / 1_000_000, waited / 1_000_000);
        return items;
    }

    private static CompletableFuture<HttpResponse<byte[]>> request(KubernetesClient client, KubeKind<?> kind,
                                                                        String continueToken) {
        HttpClient http = client.getHttpClient();
        String url = client.getMasterUrl().toString().replaceAll("/+$", "") + kind.listPath() + "?limit=" + PAGE
                + (continueToken == null ? "" : "&continue=" + URLEncoder.encode(continueToken, StandardCharsets.UTF_8));
        HttpRequest.Builder request = http.newHttpRequestBuilder().uri(url).header("Accept", "application/json");
        int timeout = client.getConfiguration().getRequestTimeout();
        if (timeout > 0) {
            request.timeout(timeout, TimeUnit.MILLISECONDS);
        }
        return http.sendAsync(request.build(), byte[].class);
    }

    private static HttpResponse<byte[]> answer(CompletableFuture<HttpResponse<byte[]>> page, KubeKind<?> kind) {
        try {
            return page.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ListFailure(kind, cause instanceof KubernetesClientException k ? k
                    : new KubernetesClientException("cannot list " + kind.resourceName(), cause));
        }
    }

    /** The server's Status when it sent one (its message says why), else the bare code. */
    private static KubernetesClientException refusal(HttpResponse<byte[]> response) {
        String text = response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
        Status status = null;
        try {
            status = text.isBlank() ? null : Serialization.unmarshal(text, Status.class);
        } catch (RuntimeException notAStatus) {
            // a proxy's HTML page, say: the code alone tells
        }
        if (status != null && status.getCode() != null) {
            return new KubernetesClientException(status);
        }
        return new KubernetesClientException("HTTP " + response.code(), response.code(), status);
    }

    /** Listing one kind failed for a reason other than the kind being absent. */
    static final class ListFailure extends RuntimeException {
        private final transient KubeKind<?> kind;

        ListFailure(KubeKind<?> kind, KubernetesClientException cause) {
            super("cannot list " + kind.resourceName(), cause);
            this.kind = kind;
        }

        KubeKind<?> kind() {
            return kind;
        }

        @Override
        public synchronized KubernetesClientException getCause() {
            return (KubernetesClientException) super.getCause();
        }
    }
}
