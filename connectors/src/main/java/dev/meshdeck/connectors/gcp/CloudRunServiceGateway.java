package dev.meshdeck.connectors.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceName;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.protobuf.FieldMask;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.GatewayException.Reason;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.platform.CloudRunTrafficSplit;
import dev.meshdeck.core.validation.LiveEstate;

import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Writes a Cloud Run service's traffic, in MeshDeck's {@code cloudrun.meshdeck.dev/v1 CloudRunService} form, to
 * one project and region: services.patch with {@code updateMask=traffic} carries the etag read (its
 * resourceVersion), so a change made meanwhile is refused (ABORTED), never overwritten. The dry run is Cloud Run's
 * own {@code validateOnly}. Services are deployed, not created or deleted, through MeshDeck.
 */
public final class CloudRunServiceGateway implements ClusterGateway, AutoCloseable {

    public static final String API_VERSION = "cloudrun.meshdeck.dev/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WriteTarget.GcpRegion target;
    private final CloudRunClients clients;

    public CloudRunServiceGateway(GcpSettings settings, WriteTarget.GcpRegion target) {
        this.target = target;
        this.clients = new CloudRunClients(settings);
    }

    @Override
    public WriteTarget.GcpRegion target() {
        return target;
    }

    /** Nothing: the Cloud Run rules judge a service's traffic by itself. */
    @Override
    public LiveEstate estate() {
        return LiveEstate.EMPTY;
    }

    /** Application Default Credentials' identity is not asked for (it would need the IAM API): the project is said. */
    @Override
    public String identity() {
        return "Application Default Credentials on " + target.label();
    }

    @Override
    public boolean accepts(ResourceId id) {
        return id.isCloudRunService();
    }

    @Override
    public Optional<ObjectNode> read(ResourceId id) throws GatewayException {
        try {
            return Optional.of(tree(clients.services().getService(name(id))));
        } catch (ApiException e) {
            if (e.getStatusCode().getCode() == com.google.api.gax.rpc.StatusCode.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw failure(e, "services.get", id);
        }
    }

    @Override
    public Optional<ObjectNode> dryRun(ResourceChange change) throws GatewayException {
        ResourceId id = change.target();
        if (change.operation() != ResourceChange.Operation.UPDATE) {
            throw notDeployedHere(id);
        }
        patch(change.after(), change.expectedVersion(), true);
        return Optional.of(change.after());
    }

    @Override
    public ObjectNode create(ObjectNode object) throws GatewayException {
        throw notDeployedHere(ResourceId.of(object));
    }

    @Override
    public ObjectNode update(ObjectNode object, String expectedVersion) throws GatewayException {
        return tree(patch(object, expectedVersion, false));
    }

    @Override
    public void delete(ResourceId id, String expectedVersion) throws GatewayException {
        throw notDeployedHere(id);
    }

    @Override
    public void close() {
        clients.close();
    }

    private Service patch(ObjectNode object, String etag, boolean validateOnly) throws GatewayException {
        ResourceId id = ResourceId.of(object);
        Service.Builder service = Service.newBuilder().setName(name(id)).setEtag(etag);
        for (JsonNode t : object.at("/spec/traffic")) {
            TrafficTarget.Builder target = TrafficTarget.newBuilder()
                    .setType(TrafficTargetAllocationType.valueOf(t.path("type").asText()))
                    .setPercent(t.path("percent").asInt())
                    .setTag(t.path("tag").asText(""));
            if (!t.path("revision").asText("").isEmpty()) {
                target.setRevision(t.path("revision").asText());
            }
            service.addTraffic(target);
        }
        UpdateServiceRequest request = UpdateServiceRequest.newBuilder().setService(service)
                .setUpdateMask(FieldMask.newBuilder().addPaths("traffic")).setValidateOnly(validateOnly).build();
        String operation = validateOnly ? "services.patch (validateOnly)" : "services.patch";
        try {
            return clients.services().updateServiceAsync(request).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw failure(api, operation, id);
            }
            throw new GatewayException(Reason.UNAVAILABLE, target.label() + ": " + operation + " on " + id
                    + " got no answer: " + e.getCause() + "; the write may or may not have happened", e);
        } catch (ApiException e) {
            throw failure(e, operation, id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(Reason.UNAVAILABLE, target.label() + ": interrupted waiting for " + operation
                    + " on " + id + "; the write may or may not have happened", e);
        }
    }

    private String name(ResourceId id) {
        return ServiceName.of(target.project(), target.region(), id.name()).toString();
    }

    /** The service's traffic in MeshDeck's form: targets as Cloud Run stores them, the etag as resourceVersion. */
    static ObjectNode tree(Service service) {
        ObjectNode root = JSON.createObjectNode();
        root.put("apiVersion", API_VERSION);
        root.put("kind", ResourceId.CLOUD_RUN_SERVICE_KIND);
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("name", CloudRunFunctions.shortName(service.getName()));
        metadata.put("resourceVersion", service.getEtag());
        ArrayNode traffic = root.putObject("spec").putArray("traffic");
        for (TrafficTarget t : service.getTrafficList()) {
            new CloudRunTrafficSplit.Target(t.getType().name(), t.getRevision(), t.getPercent(), t.getTag()).addTo(traffic);
        }
        return root;
    }

    private GatewayException notDeployedHere(ResourceId id) {
        return new GatewayException(Reason.INVALID, target.label() + ": " + id + " can only be updated: Cloud Run"
                + " services are deployed (gcloud run deploy), not created or deleted, through MeshDeck");
    }

    private GatewayException failure(ApiException e, String operation, ResourceId id) {
        String where = target.label() + ": " + operation + " on " + id;
        return switch (e.getStatusCode().getCode()) {
            case ABORTED, FAILED_PRECONDITION -> new GatewayException(Reason.CONFLICT, where
                    + ": the service changed since it was read (its etag no longer matches)", e);
            case NOT_FOUND -> new GatewayException(Reason.NOT_FOUND, where + ": " + e.getMessage(), e);
            case PERMISSION_DENIED, UNAUTHENTICATED -> new GatewayException(Reason.FORBIDDEN, where + " is not allowed ("
                    + e.getStatusCode().getCode() + "): it needs run.services.update on the service; `gcloud auth"
                    + " application-default login` with an account that has it", e);
            case INVALID_ARGUMENT, OUT_OF_RANGE -> new GatewayException(Reason.INVALID, where + " was rejected: "
                    + e.getMessage(), e);
            case UNAVAILABLE, DEADLINE_EXCEEDED -> new GatewayException(Reason.UNAVAILABLE, where + " got no answer ("
                    + e.getStatusCode().getCode() + "); the write may or may not have happened", e);
            default -> new GatewayException(Reason.SERVER_ERROR, where + ": Cloud Run failed ("
                    + e.getStatusCode().getCode() + "): " + e.getMessage() + "; the write may or may not have happened", e);
        };
    }
}
