package dev.meshdeck.connectors.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.GatewayException.Reason;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.failover.ProvisionedConcurrency;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetProvisionedConcurrencyConfigResponse;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigNotFoundException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Writes the provisioned concurrency of one alias or published version, in MeshDeck's form
 * ({@link ProvisionedConcurrency}: metadata.name the qualifier, spec.functionName,
 * spec.provisionedConcurrentExecutions the count requested; status.reservedConcurrentExecutions the function's, as
 * read, for the validation rule MD0244). Lambda gives the config no revision: its LastModified
 * stands for the resourceVersion, compared just before each write, the narrowest window Lambda allows.
 */
final class ProvisionedConcurrencyWrites {

    static final String LATEST = "$LATEST";

    /** Turns an SDK failure of {@code operation} on {@code id} into the pipeline's terms. */
    interface Failures {
        GatewayException of(SdkException e, String operation, ResourceId id);
    }

    private final LambdaClient lambda;
    private final String where;
    private final Failures failures;

    ProvisionedConcurrencyWrites(LambdaClient lambda, String where, Failures failures) {
        this.lambda = lambda;
        this.where = where;
        this.failures = failures;
    }

    Optional<ObjectNode> read(ResourceId id) throws GatewayException {
        if (id.name().equals(LATEST)) {
            return Optional.empty(); // never provisioned; Lambda answers a question about it with a 400
        }
        try {
            GetProvisionedConcurrencyConfigResponse p = lambda.getProvisionedConcurrencyConfig(r ->
                    r.functionName(id.namespace()).qualifier(id.name()));
            ObjectNode o = ProvisionedConcurrency.document(id.namespace(), id.name(), p.requestedProvisionedConcurrentExecutions());
            ((ObjectNode) o.get("metadata")).put("resourceVersion", p.lastModified());
            Integer reserved = lambda.getFunctionConcurrency(r -> r.functionName(id.namespace())).reservedConcurrentExecutions();
            if (reserved != null) {
                o.putObject("status").put("reservedConcurrentExecutions", reserved);
            }
            return Optional.of(o);
        } catch (ProvisionedConcurrencyConfigNotFoundException | ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failures.of(e, "GetProvisionedConcurrencyConfig", id);
        }
    }

    /** Lambda has no dry run: checks the version, that the qualifier is an alias or published version, and reserved concurrency. */
    Optional<ObjectNode> dryRun(ResourceChange change) throws GatewayException {
        ResourceId id = change.target();
        if (change.operation() != ResourceChange.Operation.CREATE) {
            expect(id, change.expectedVersion());
        } else if (read(id).isPresent()) {
            throw new GatewayException(Reason.ALREADY_EXISTS, where + ": " + id + " already exists");
        }
        if (change.after() == null) {
            return Optional.empty();
        }
        if (id.name().equals(LATEST)) {
            throw new GatewayException(Reason.INVALID, where + ": " + id + ": provisioned concurrency cannot be set on"
                    + " $LATEST, only on an alias or a published version");
        }
        try {
            lambda.getFunctionConfiguration(r -> r.functionName(id.namespace()).qualifier(id.name()));
        } catch (ResourceNotFoundException e) {
            throw new GatewayException(Reason.INVALID, where + ": " + id + ": function " + id.namespace()
                    + " has no alias or published version " + id.name(), e);
        } catch (SdkException e) {
            throw failures.of(e, "GetFunctionConfiguration", id);
        }
        int requested = count(change.after());
        Integer reserved;
        int others;
        try {
            reserved = lambda.getFunctionConcurrency(r -> r.functionName(id.namespace())).reservedConcurrentExecutions();
            others = lambda.listProvisionedConcurrencyConfigsPaginator(r -> r.functionName(id.namespace()))
                    .provisionedConcurrencyConfigs().stream()
                    .filter(p -> !p.functionArn().endsWith(":" + id.name()))
                    .mapToInt(p -> p.requestedProvisionedConcurrentExecutions()).sum();
        } catch (SdkException e) {
            throw failures.of(e, "GetFunctionConcurrency", id);
        }
        if (reserved != null && others + requested > reserved) {
            throw new GatewayException(Reason.INVALID, where + ": " + id + ": " + requested + " provisioned"
                    + (others > 0 ? " plus " + others + " on its other aliases and versions" : "")
                    + " exceeds the function's reserved concurrency of " + reserved);
        }
        return Optional.of(change.after());
    }

    ObjectNode put(ObjectNode object) throws GatewayException {
        ResourceId id = ResourceId.of(object);
        try {
            lambda.putProvisionedConcurrencyConfig(r -> r.functionName(id.namespace()).qualifier(id.name())
                    .provisionedConcurrentExecutions(count(object)));
        } catch (SdkException e) {
            throw failures.of(e, "PutProvisionedConcurrencyConfig", id);
        }
        return read(id).orElseThrow(() -> new GatewayException(Reason.SERVER_ERROR,
                id + " is missing right after PutProvisionedConcurrencyConfig"));
    }

    ObjectNode update(ObjectNode object, String expectedVersion) throws GatewayException {
        expect(ResourceId.of(object), expectedVersion);
        return put(object);
    }

    void delete(ResourceId id, String expectedVersion) throws GatewayException {
        expect(id, expectedVersion);
        try {
            lambda.deleteProvisionedConcurrencyConfig(r -> r.functionName(id.namespace()).qualifier(id.name()));
        } catch (SdkException e) {
            throw failures.of(e, "DeleteProvisionedConcurrencyConfig", id);
        }
    }

    private void expect(ResourceId id, String expectedVersion) throws GatewayException {
        ObjectNode live = read(id).orElseThrow(() -> new GatewayException(Reason.NOT_FOUND, where + ": " + id
                + " no longer exists"));
        String now = live.path("metadata").path("resourceVersion").asText("");
        if (!now.equals(expectedVersion)) {
            throw new GatewayException(Reason.CONFLICT, where + ": " + id + " changed since it was read (LastModified "
                    + now + ", expected " + expectedVersion + ")");
        }
    }

    private static int count(ObjectNode object) {
        return object.path("spec").path("provisionedConcurrentExecutions").asInt();
    }
}
