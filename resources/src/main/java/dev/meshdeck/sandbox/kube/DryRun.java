package dev.meshdeck.sandbox.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherHandler;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudPersistence;
import io.fabric8.kubernetes.client.server.mock.crud.PatchHandler;
import io.fabric8.kubernetes.client.server.mock.crud.PostHandler;
import io.fabric8.kubernetes.client.server.mock.crud.PutHandler;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code ?dryRun=All} for POST, PUT and PATCH: the mock's own handlers compute the answer against a
 * {@link ReadOnlyStore}, so the response is what the real request would return and nothing is stored.
 */
final class DryRun {

    private final KubernetesCrudPersistence store;
    private final KubernetesCrudDispatcherHandler create;
    private final KubernetesCrudDispatcherHandler update;
    private final KubernetesCrudDispatcherHandler patch;

    DryRun(KubernetesAttributesExtractor extractor, KubernetesCrudPersistence store) {
        this.store = store;
        KubernetesCrudPersistence readOnly = new ReadOnlyStore(store);
        this.create = new PostHandler(extractor, readOnly);
        this.update = new PutHandler(readOnly);
        this.patch = new PatchHandler(readOnly);
    }

    /** Whether the request path carries {@code dryRun=All} (the only value Kubernetes accepts). */
    static boolean requested(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q >= 0 && Arrays.asList(pathAndQuery.substring(q + 1).split("&")).contains("dryRun=All");
    }

    /** Answers a POST, PUT or PATCH dry run. */
    MockResponse handle(RecordedRequest request) {
        try {
            switch (request.method()) {
                case POST:
                    // a real API server leaves resourceVersion unset on objects that were never stored
                    return withResourceVersion(create.handle(request), null);
                case PUT:
                    return withResourceVersion(update.handle(request), storedVersion(request.getPath()));
                case PATCH:
                    return withResourceVersion(patch.handle(request), storedVersion(request.getPath()));
                default:
                    throw new IllegalArgumentException("no dry run for " + request.getMethod());
            }
        } catch (KubernetesCrudDispatcherException e) {
            return new MockResponse().setResponseCode(e.getCode()).setBody(e.toStatusBody());
        }
    }

    /** The stored object keeps its version, so a client may apply the previewed change for real with it. */
    private String storedVersion(String path) {
        Map.Entry<?, String> current = store.findResource(store.getKey(path));
        return current == null ? null
                : parse(current.getValue()).path("metadata").path("resourceVersion").asText(null);
    }

    private static MockResponse withResourceVersion(MockResponse response, String resourceVersion) {
        if (response.code() >= 300 || response.getBody() == null || response.getBody().size() == 0) {
            return response;
        }
        JsonNode body = parse(new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
        ObjectNode metadata = (ObjectNode) body.path("metadata");
        if (resourceVersion == null) {
            metadata.remove("resourceVersion");
        } else {
            metadata.put("resourceVersion", resourceVersion);
        }
        return response.setBody(Serialization.asJson(body));
    }

    private static JsonNode parse(String json) {
        try {
            return Serialization.jsonMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the sandbox store holds an object that is not JSON", e);
        }
    }
}
