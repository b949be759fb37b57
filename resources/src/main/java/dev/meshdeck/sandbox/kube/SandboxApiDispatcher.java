package dev.meshdeck.sandbox.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * fabric8's CRUD dispatcher plus what a real API server does and the mock does not: discovery documents,
 * {@code ?dryRun=All}, strategic-merge patches (applied as merge patches), Status bodies on errors, core-group
 * requests that do not see same-named custom resources, and a bulk preload that fills the store without one
 * HTTP request per object.
 */
final class SandboxApiDispatcher extends KubernetesCrudDispatcher {

    private static final int PRELOAD_BATCH = 500;
    /**
     * The mock matches a core path ({@code /api/v1/.../services}) against every stored object with that plural,
     * so a Knative Service would answer for a Kubernetes Service of the same name. Core objects are the only
     * ones stored without an {@code api} attribute; requiring its absence keeps the groups apart.
     */
    private static final Attribute CORE_GROUP_ONLY =
            new Attribute(KubernetesAttributesExtractor.API, "", AttributeType.NOT_EXISTS);
    private static final String CORE_GROUP_SELECTOR = "!" + KubernetesAttributesExtractor.API;

    private final DiscoveryDocuments discovery;
    private final DryRun dryRun;
    private final MockWebServer requestLog;
    private final WriteFaults faults = new WriteFaults();
    private final AccessReviews accessReviews = new AccessReviews();
    private final PodLogEndpoint podLogs = new PodLogEndpoint();
    private final ServiceProxy services = new ServiceProxy();
    private final ControllerCrds controllerCrds = new ControllerCrds();
    private final DeploymentController deployments = new DeploymentController(new InProcessStore());
    /**
     * Dry runs and preloads read or write the store outside the mock's private lock; every request takes this
     * lock too (reads shared, writes exclusive) so neither ever sees the store half-changed.
     */
    private final ReadWriteLock storeLock = new ReentrantReadWriteLock();

    /**
     * @param requestLog the web server, which records every request it receives; the sandbox runs for hours
     *                   and nobody reads that log, so the dispatcher drops each entry to keep memory flat
     */
    SandboxApiDispatcher(DiscoveryDocuments discovery, MockWebServer requestLog) {
        super(List.of());
        this.discovery = discovery;
        this.requestLog = requestLog;
        this.dryRun = new DryRun((KubernetesAttributesExtractor) attributeExtractor, this);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        forgetRecordedRequest();
        String path = pathOnly(request.getPath());
        HttpMethod method = request.method();
        if (method == HttpMethod.GET) {
            controllerCrds.pending(path).ifPresent(file -> controllerCrds.install(file, this::preload));
            Optional<String> document = discovery.forPath(path);
            if (document.isPresent()) {
                return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                        .setBody(document.get());
            }
        }
        if (method == HttpMethod.GET && PodLogEndpoint.isLog(path)) {
            return withStoreReadLock(() -> podLogs.answer(request.getPath(), this::stored, Instant.now()));
        }
        if (AccessReviews.isReview(request, path)) {
            return accessReviews.answer(request);
        }
        Optional<String> proxied = ServiceProxy.servicePath(path);
        boolean write = method != HttpMethod.GET && proxied.isEmpty() && !DryRun.requested(request.getPath());
        if (write) {
            MockResponse injected = faults.failureFor(path);
            if (injected != null) {
                return injected;
            }
        }
        Lock lock = method == HttpMethod.GET || proxied.isPresent() ? storeLock.readLock() : storeLock.writeLock();
        lock.lock();
        try {
            if (proxied.isPresent()) {
                MockResponse service = handleGet(proxied.get());
                return service.code() == 200 ? services.forward(proxied.get(), request.getPath())
                        : ErrorStatus.complete(service, HttpMethod.GET, proxied.get());
            }
            MockResponse unmet = method == HttpMethod.DELETE ? unmetPrecondition(request) : null;
            // read before the mock's handler consumes the body
            Optional<DeploymentController.Write> deployment = write && method != HttpMethod.DELETE
                    ? DeploymentController.target(path, request.getBody() == null ? null
                    : new String(request.getBody().getBytes(), StandardCharsets.UTF_8))
                    : Optional.empty();
            List<DeploymentController.Write> replacing = write && method == HttpMethod.DELETE && unmet == null
                    ? deployments.replacing(path) : List.of();
            MockResponse response = unmet != null ? unmet
                    : ErrorStatus.complete(answer(asJsonPatchIfStrategic(request)), method, path);
            if (response.code() < 300) {
                deployment.ifPresent(deployments::reconcile);
                replacing.forEach(deployments::reconcile);
            }
            if (method == HttpMethod.GET && !request.getPath().contains("watch=")) {
                return ListKinds.typed(path, response);
            }
            return write ? faults.delayed(response) : response;
        } finally {
            lock.unlock();
        }
    }

    WriteFaults faults() {
        return faults;
    }

    AccessReviews accessReviews() {
        return accessReviews;
    }

    PodLogEndpoint podLogs() {
        return podLogs;
    }

    private Optional<JsonNode> stored(String path) {
        MockResponse response = handleGet(path);
        return response.code() == 200 && response.getBody() != null
                ? Optional.of(parse(new String(response.getBody().getBytes(), StandardCharsets.UTF_8)))
                : Optional.empty();
    }

    private <T> T withStoreReadLock(Supplier<T> read) {
        storeLock.readLock().lock();
        try {
            return read.get();
        } finally {
            storeLock.readLock().unlock();
        }
    }

    ServiceProxy services() {
        return services;
    }

    /** The store as the controller sees it: the mock's own handlers, called under the request's write lock. */
    private final class InProcessStore implements DeploymentController.Store {

        @Override
        public Optional<String> get(String path) {
            MockResponse response = handleGet(path);
            return response.code() == 200 ? Optional.of(bodyOf(response)) : Optional.empty();
        }

        @Override
        public List<JsonNode> list(String collectionPath) {
            MockResponse response = handleGet(collectionPath);
            List<JsonNode> items = new ArrayList<>();
            if (response.code() == 200) {
                parse(bodyOf(response)).path("items").forEach(items::add);
            }
            return items;
        }

        @Override
        public String create(String collectionPath, HasMetadata object) {
            return checked(handleCreate(request(HttpMethod.POST, collectionPath, object)), "create", collectionPath);
        }

        @Override
        public void replace(String path, HasMetadata object) {
            checked(handleUpdate(request(HttpMethod.PUT, path, object)), "replace", path);
        }

        @Override
        public void delete(String path) {
            handleDelete(path);
        }

        private RecordedRequest request(HttpMethod method, String path, HasMetadata object) {
            return new RecordedRequest("HTTP/1.1", method, path,
                    Headers.builder().set("Content-Type", "application/json").build(),
                    new Buffer(Serialization.asJson(object).getBytes(StandardCharsets.UTF_8)));
        }

        private String checked(MockResponse response, String verb, String path) {
            if (response.code() >= 300) {
                throw new IllegalStateException("The sandbox's Deployment controller could not " + verb + " " + path
                        + ": HTTP " + response.code() + " " + bodyOf(response));
            }
            return bodyOf(response);
        }

        private String bodyOf(MockResponse response) {
            return response.getBody() == null ? "" : new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A delete whose DeleteOptions carry {@code preconditions.resourceVersion} only goes ahead while the object
     * still has that version, as on a real API server; the mock ignores preconditions.
     */
    private MockResponse unmetPrecondition(RecordedRequest request) {
        // getBytes leaves the body for the handler; readUtf8 would consume it
        String body = request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
        if (body.isBlank()) {
            return null;
        }
        String expected = parse(body).path("preconditions").path("resourceVersion").asText("");
        Map.Entry<AttributeSet, String> current = expected.isEmpty() ? null : findResource(getKey(request.getPath()));
        if (current == null) {
            return null;
        }
        String actual = parse(current.getValue()).path("metadata").path("resourceVersion").asText("");
        if (expected.equals(actual)) {
            return null;
        }
        Status conflict = new StatusBuilder().withStatus("Failure").withCode(409).withReason("Conflict")
                .withMessage("Operation cannot be fulfilled: the ResourceVersion in the precondition (" + expected
                        + ") does not match the ResourceVersion in record (" + actual
                        + "). The object might have been modified")
                .build();
        return new MockResponse().setResponseCode(409).setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(conflict));
    }

    private MockResponse answer(RecordedRequest request) {
        if (!DryRun.requested(request.getPath())) {
            return super.dispatch(request);
        }
        switch (request.method()) {
            case POST:
            case PUT:
            case PATCH:
                return dryRun.handle(request);
            case DELETE:
                // a dry-run delete answers with what would be deleted
                return handleGet(request.getPath());
            default:
                return super.dispatch(request);
        }
    }

    @Override
    public MockResponse handleGet(String path) {
        return super.handleGet(coreGroupOnly(path));
    }

    @Override
    public MockResponse handleDelete(String path) {
        return super.handleDelete(coreGroupOnly(path));
    }

    /** Create, update and patch look objects up here; a lookup without a group is a core-group lookup. */
    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        return super.findResource(attributes.containsKey(KubernetesAttributesExtractor.API)
                ? attributes : attributes.add(CORE_GROUP_ONLY));
    }

    /** Reads and deletes select by the path's query; a field selector {@code !api} excludes custom groups. */
    private static String coreGroupOnly(String path) {
        if (!path.startsWith("/api/")) {
            return path;
        }
        int q = path.indexOf('?');
        if (q < 0) {
            return path + "?fieldSelector=" + CORE_GROUP_SELECTOR;
        }
        // first in the selector: the mock reads a watched object's name from the selector's last '='
        return path.contains("fieldSelector=")
                ? path.replaceFirst("fieldSelector=", "fieldSelector=" + CORE_GROUP_SELECTOR + ",")
                : path + "&fieldSelector=" + CORE_GROUP_SELECTOR;
    }

    /**
     * Stores objects directly, as if each had been created through the API (uid, creationTimestamp,
     * resourceVersion and generation set, watchers notified). Objects are serialised in parallel outside the
     * lock, then stored in batches so API requests interleave with a long preload.
     *
     * @throws IllegalStateException if one of them already exists; nothing from that batch on is stored
     */
    void preload(List<? extends HasMetadata> objects) {
        Set<String> existing = new HashSet<>();
        withStoreWriteLock(() -> List.copyOf(map.values()).forEach(json -> existing.add(identity(parse(json)))));
        List<Prepared> prepared = objects.parallelStream().map(this::prepare).toList();
        for (int from = 0; from < prepared.size(); from += PRELOAD_BATCH) {
            List<Prepared> batch = prepared.subList(from, Math.min(prepared.size(), from + PRELOAD_BATCH));
            withStoreWriteLock(() -> batch.forEach(object -> store(object, existing)));
        }
    }

    /** An object ready to store: its JSON as the API would return it, and the path it would be created on. */
    private record Prepared(String identity, String path, String json, GenericKubernetesResource resource) {
    }

    private Prepared prepare(HasMetadata object) {
        ApiResourceType type = ApiCatalog.require(object.getApiVersion(), object.getKind());
        ObjectNode json = Serialization.jsonMapper().valueToTree(object);
        ObjectNode metadata = (ObjectNode) json.get("metadata");
        metadata.put("uid", UUID.randomUUID().toString());
        if (!metadata.hasNonNull("creationTimestamp")) {
            metadata.put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        metadata.put("resourceVersion", String.valueOf(requestResourceVersion()));
        metadata.put("generation", 1);
        String path = type.collectionPath(object.getMetadata().getNamespace()) + "/" + object.getMetadata().getName();
        try {
            return new Prepared(identity(json), path, Serialization.jsonMapper().writeValueAsString(json),
                    Serialization.jsonMapper().treeToValue(json, GenericKubernetesResource.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + identity(json) + " for the sandbox store", e);
        }
    }

    private void store(Prepared object, Set<String> existing) {
        if (!existing.add(object.identity())) {
            throw new IllegalStateException("Cannot preload " + object.identity() + ": it already exists in the "
                    + "sandbox. Preload each object once, or update it through the API.");
        }
        processEvent(object.path(), getKey(object.path()), null, object.resource(), object.json());
    }

    private static String identity(ObjectNode json) {
        return json.path("apiVersion").asText() + " " + json.path("kind").asText() + " "
                + json.path("metadata").path("namespace").asText("") + "/" + json.path("metadata").path("name").asText();
    }

    private static ObjectNode parse(String json) {
        return (ObjectNode) Serialization.unmarshal(json, JsonNode.class);
    }

    private void withStoreWriteLock(Runnable work) {
        storeLock.writeLock().lock();
        try {
            work.run();
        } finally {
            storeLock.writeLock().unlock();
        }
    }

    /**
     * kubectl patches with strategic-merge by default, which the mock rejects (415); the same change as JSON-patch
     * operations against the stored object (see {@link StrategicMerge}) has the same effect.
     */
    private RecordedRequest asJsonPatchIfStrategic(RecordedRequest request) {
        String contentType = request.getHeader("Content-Type");
        if (request.method() != HttpMethod.PATCH || contentType == null
                || !contentType.contains("strategic-merge-patch")) {
            return request;
        }
        Map.Entry<AttributeSet, String> stored = findResource(getKey(request.getPath()));
        JsonNode patch = Serialization.unmarshal(new String(request.getBody().getBytes(), StandardCharsets.UTF_8),
                JsonNode.class);
        // nothing stored: the mock answers 404 whatever the patch says
        JsonNode operations = stored == null ? NullNode.getInstance()
                : StrategicMerge.toJsonPatch(parse(stored.getValue()), patch);
        return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
                request.getHeaders().newBuilder().set("Content-Type", "application/json-patch+json").build(),
                new Buffer(Serialization.asJson(operations).getBytes(StandardCharsets.UTF_8)));
    }

    private void forgetRecordedRequest() {
        try {
            requestLog.takeRequest(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }
}
