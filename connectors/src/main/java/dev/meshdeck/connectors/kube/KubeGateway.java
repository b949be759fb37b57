package dev.meshdeck.connectors.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.access.AccessReview;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.GatewayException.Reason;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.validation.LiveEstate;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Writes change sets to one kube context through fabric8's generic resources: any kind the cluster serves,
 * each update a PUT carrying the expected resourceVersion (a 409 when someone changed it), each delete with a
 * resourceVersion precondition, dry runs with {@code dryRun=All}. Server-side apply is not used: the
 * resourceVersion precondition gives the same guarantee and works on every server.
 */
public final class KubeGateway implements ClusterGateway, AutoCloseable {

    private final KubernetesClient client;
    private final String context;
    private final String user;
    private final Map<String, ResourceDefinitionContext> definitions = new ConcurrentHashMap<>();

    KubeGateway(KubernetesClient client, String context, String user) {
        this.client = client;
        this.context = context;
        this.user = user;
    }

    /**
     * @param context        a context of {@code kubeconfigs}, or null for its current context
     * @param requestTimeout how long one request may take before it counts as unanswered
     * @throws IllegalArgumentException when there is no such context
     */
    public static KubeGateway connect(Kubeconfigs kubeconfigs, String context, Duration requestTimeout) {
        String name = context != null ? context : kubeconfigs.currentContext().orElseThrow(() ->
                new IllegalArgumentException("no context given and the kubeconfig has no current-context: pass --context"));
        KubernetesClient client = kubeconfigs.newClient(name, Kubeconfigs.DEFAULT_CONNECT_TIMEOUT, requestTimeout);
        return new KubeGateway(client, name, kubeconfigs.userOf(name).orElse("(no user)"));
    }

    @Override
    public WriteTarget.KubeContext target() {
        return new WriteTarget.KubeContext(context);
    }

    @Override
    public LiveEstate estate() throws GatewayException {
        try {
            return ClusterSnapshot.read(client);
        } catch (KubernetesClientException e) {
            throw new GatewayException(Reason.UNAVAILABLE, target().label() + ": " + e.getMessage());
        }
    }

    @Override
    public String identity() {
        return "kubeconfig user " + user;
    }

    @Override
    public boolean accepts(ResourceId id) {
        return !id.isLambda() && !id.isCloudRunService();
    }

    @Override
    public Optional<ObjectNode> read(ResourceId id) throws GatewayException {
        try {
            return Optional.ofNullable(named(id).get()).map(KubeGateway::tree);
        } catch (KubernetesClientException e) {
            throw failure(e, "read", id);
        }
    }

    @Override
    public Optional<ObjectNode> dryRun(ResourceChange change) throws GatewayException {
        ResourceId id = change.target();
        try {
            switch (change.operation()) {
                case CREATE:
                    return Optional.of(tree(scope(id).resource(resource(change.after())).dryRun().create()));
                case UPDATE:
                    GenericKubernetesResource object = resource(change.after());
                    object.getMetadata().setResourceVersion(requireVersion(id, change.expectedVersion()));
                    return Optional.of(tree(scope(id).resource(object).dryRun().update()));
                default:
                    named(id).dryRun().delete();
                    return Optional.empty();
            }
        } catch (KubernetesClientException e) {
            throw failure(e, change.operation() == ResourceChange.Operation.CREATE ? "create"
                    : change.operation() == ResourceChange.Operation.UPDATE ? "update" : "delete", id);
        }
    }

    @Override
    public ObjectNode create(ObjectNode object) throws GatewayException {
        ResourceId id = ResourceId.of(object);
        try {
            return tree(scope(id).resource(resource(object)).create());
        } catch (KubernetesClientException e) {
            throw failure(e, "create", id);
        }
    }

    @Override
    public ObjectNode update(ObjectNode object, String expectedVersion) throws GatewayException {
        ResourceId id = ResourceId.of(object);
        GenericKubernetesResource resource = resource(object);
        // update() without a resourceVersion would fetch the latest one: that is a forced write, never wanted
        resource.getMetadata().setResourceVersion(requireVersion(id, expectedVersion));
        try {
            return tree(scope(id).resource(resource).update());
        } catch (KubernetesClientException e) {
            throw failure(e, "update", id);
        }
    }

    @Override
    public void delete(ResourceId id, String expectedVersion) throws GatewayException {
        try {
            if (named(id).lockResourceVersion(requireVersion(id, expectedVersion)).delete().isEmpty()) {
                throw new GatewayException(Reason.NOT_FOUND, target().label() + ": " + id + " no longer exists");
            }
        } catch (KubernetesClientException e) {
            throw failure(e, "delete", id);
        }
    }

    /** What this context's identity may do, asked of the cluster (SelfSubjectAccessReview). */
    @Override
    public AccessReview access() {
        return new KubeAccessReview(client, id -> definition(id).getPlural());
    }

    @Override
    public void close() {
        client.close();
    }

    private String requireVersion(ResourceId id, String version) throws GatewayException {
        if (version == null || version.isEmpty()) {
            throw new GatewayException(Reason.INVALID, id + " has no resourceVersion to write against; read it first");
        }
        return version;
    }

    private Resource<GenericKubernetesResource> named(ResourceId id) throws GatewayException {
        return scope(id).withName(id.name());
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            scope(ResourceId id) throws GatewayException {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> all =
                client.genericKubernetesResources(definition(id));
        return id.namespace().isEmpty() ? all : all.inNamespace(id.namespace());
    }

    /** The kind's plural and scope from the cluster's discovery documents, looked up once per kind. */
    private ResourceDefinitionContext definition(ResourceId id) throws GatewayException {
        String key = id.apiVersion() + "/" + id.kind();
        ResourceDefinitionContext known = definitions.get(key);
        if (known != null) {
            return known;
        }
        APIResourceList list;
        try {
            list = client.getApiResources(id.apiVersion());
        } catch (KubernetesClientException e) {
            throw failure(e, "discover", id);
        }
        APIResource found = list == null ? null : list.getResources().stream()
                .filter(r -> r.getKind().equals(id.kind()) && !r.getName().contains("/"))
                .findFirst().orElse(null);
        if (found == null) {
            throw new GatewayException(Reason.INVALID, target().label() + " does not serve " + id.kind() + " in " + id.apiVersion()
                    + ": check the apiVersion, or install the CRD that defines it");
        }
        ResourceDefinitionContext definition = new ResourceDefinitionContext.Builder()
                .withGroup(id.group()).withVersion(id.apiVersion().substring(id.apiVersion().indexOf('/') + 1))
                .withKind(id.kind()).withPlural(found.getName()).withNamespaced(Boolean.TRUE.equals(found.getNamespaced()))
                .build();
        definitions.put(key, definition);
        return definition;
    }

    private static GenericKubernetesResource resource(JsonNode object) {
        return Serialization.jsonMapper().convertValue(object, GenericKubernetesResource.class);
    }

    private static ObjectNode tree(GenericKubernetesResource resource) {
        ObjectNode tree = Serialization.jsonMapper().valueToTree(resource);
        if (tree.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
        return tree;
    }

    /** The failure in the words of the person who asked: what was refused, where, and what to do. */
    private GatewayException failure(KubernetesClientException e, String verb, ResourceId id) {
        String where = target().label() + ": " + verb + " " + id;
        String server = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : null;
        int code = e.getCode();
        switch (code) {
            case 401:
                return new GatewayException(Reason.FORBIDDEN, where + " was refused: the cluster rejected the credentials of "
                        + identity() + " (401 Unauthorized); log in again", e);
            case 403:
                String resource = definitions.containsKey(id.apiVersion() + "/" + id.kind())
                        ? definitions.get(id.apiVersion() + "/" + id.kind()).getPlural()
                        + (id.group().isEmpty() ? "" : "." + id.group()) : id.kind();
                return new GatewayException(Reason.FORBIDDEN, where + " is not allowed for " + identity()
                        + " (403 Forbidden). It needs the RBAC verb '" + verb + "' on " + resource
                        + (id.namespace().isEmpty() ? "" : " in namespace " + id.namespace())
                        + "; ask a cluster admin, or use a context that has it", e);
            case 404:
                return new GatewayException(Reason.NOT_FOUND, where + ": it does not exist (404 Not Found)", e);
            case 409:
                return verb.equals("create")
                        ? new GatewayException(Reason.ALREADY_EXISTS, where + ": it already exists (409 AlreadyExists)", e)
                        : new GatewayException(Reason.CONFLICT, where + ": someone changed it since it was read"
                        + " (409 Conflict)", e);
            case 400:
            case 422:
                return new GatewayException(Reason.INVALID, where + " was rejected by the server (" + code + "): "
                        + (server == null ? e.getMessage() : server), e);
            default:
                if (code >= 500) {
                    return new GatewayException(Reason.SERVER_ERROR, where + ": the server failed (" + code + ")"
                            + (server == null ? "" : ": " + server) + "; the write may or may not have happened", e);
                }
                if (code == 0 || hasCause(e, IOException.class) || hasCause(e, TimeoutException.class)) {
                    return new GatewayException(Reason.UNAVAILABLE, where + ": no answer from the cluster in time ("
                            + rootMessage(e) + "); the write may or may not have happened", e);
                }
                return new GatewayException(Reason.INVALID, where + " failed (" + code + "): "
                        + (server == null ? e.getMessage() : server), e);
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
