package dev.meshdeck.connectors.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.GatewayException.Reason;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.validation.LiveEstate;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes Lambda aliases in MeshDeck's {@code lambda.meshdeck.dev/v1 LambdaAlias} form (the one discovery,
 * the editors and exports use) to one region: UpdateAlias carries the alias's RevisionId (its resourceVersion)
 * so a change made meanwhile is a conflict, never overwritten. Lambda has no dry run: the dry run checks the
 * RevisionId and that every routed version is published. It also writes an alias's or version's provisioned
 * concurrency ({@link ProvisionedConcurrencyWrites}), which lives in the same region.
 */
public final class LambdaAliasGateway implements ClusterGateway, AutoCloseable {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final AwsSettings settings;
    private final String region;
    private final AwsClients clients;
    private final String account;
    private final String caller;
    private final ProvisionedConcurrencyWrites provisioned;

    /** Connects to {@code region} and asks STS who we are (unless Lambda is redirected without STS). */
    public LambdaAliasGateway(AwsSettings settings, String region) {
        this.settings = settings;
        this.region = region;
        this.clients = new AwsClients(settings);
        String[] who = callerIdentity();
        this.account = who[0];
        this.caller = who[1];
        this.provisioned = new ProvisionedConcurrencyWrites(lambda(), target().label(), this::failure);
    }

    private String[] callerIdentity() {
        if (settings.lambdaRedirectedWithoutSts()) {
            return new String[] {null, null};
        }
        try {
            var identity = clients.sts().getCallerIdentity();
            return new String[] {identity.account(), identity.arn()};
        } catch (SdkException e) {
            return new String[] {null, null};
        }
    }

    @Override
    public WriteTarget.AwsRegion target() {
        return new WriteTarget.AwsRegion(account, settings.effectiveProfile(), region);
    }

    /** Nothing: the Lambda rules judge an alias by itself (published versions, weights). */
    @Override
    public LiveEstate estate() {
        return LiveEstate.EMPTY;
    }

    @Override
    public String identity() {
        return caller != null ? caller : "AWS profile " + settings.effectiveProfile() + " (caller unknown: STS not reachable)";
    }

    @Override
    public boolean accepts(ResourceId id) {
        return id.isLambda();
    }

    private LambdaClient lambda() {
        return clients.lambda(region);
    }

    @Override
    public Optional<ObjectNode> read(ResourceId id) throws GatewayException {
        if (id.isLambdaProvisionedConcurrency()) {
            return provisioned.read(id);
        }
        try {
            GetAliasResponse a = lambda().getAlias(r -> r.functionName(id.namespace()).name(id.name()));
            return Optional.of(tree(id.namespace(), AliasConfiguration.builder().aliasArn(a.aliasArn()).name(a.name())
                    .functionVersion(a.functionVersion()).description(a.description())
                    .routingConfig(a.routingConfig()).revisionId(a.revisionId()).build()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure(e, "GetAlias", id);
        }
    }

    @Override
    public Optional<ObjectNode> dryRun(ResourceChange change) throws GatewayException {
        ResourceId id = change.target();
        if (id.isLambdaProvisionedConcurrency()) {
            return provisioned.dryRun(change);
        }
        Optional<ObjectNode> live = read(id);
        if (change.operation() == ResourceChange.Operation.CREATE) {
            if (live.isPresent()) {
                throw new GatewayException(Reason.ALREADY_EXISTS, target().label() + ": alias " + id + " already exists");
            }
        } else if (live.isEmpty()) {
            throw new GatewayException(Reason.NOT_FOUND, target().label() + ": alias " + id + " does not exist");
        } else if (!change.expectedVersion().equals(revision(live.get()))) {
            throw new GatewayException(Reason.CONFLICT, target().label() + ": alias " + id + " changed since it was read"
                    + " (RevisionId " + revision(live.get()) + ", expected " + change.expectedVersion() + ")");
        }
        if (change.after() == null) {
            return Optional.empty();
        }
        for (String version : versions(change.after())) {
            try {
                lambda().getFunctionConfiguration(r -> r.functionName(id.namespace()).qualifier(version));
            } catch (ResourceNotFoundException e) {
                throw new GatewayException(Reason.INVALID, target().label() + ": alias " + id + " would route to version "
                        + version + ", which is not published", e);
            } catch (SdkException e) {
                throw failure(e, "GetFunctionConfiguration", id);
            }
        }
        return Optional.of(change.after());
    }

    @Override
    public ObjectNode create(ObjectNode object) throws GatewayException {
        ResourceId id = ResourceId.of(object);
        if (id.isLambdaProvisionedConcurrency()) {
            return provisioned.put(object);
        }
        JsonNode spec = object.path("spec");
        try {
            lambda().createAlias(r -> r.functionName(id.namespace()).name(id.name())
                    .functionVersion(spec.path("functionVersion").asText())
                    .description(spec.path("description").asText(""))
                    .routingConfig(routing(spec)));
        } catch (SdkException e) {
            throw failure(e, "CreateAlias", id);
        }
        return read(id).orElseThrow(() -> new GatewayException(Reason.SERVER_ERROR, id + " is missing right after CreateAlias"));
    }

    @Override
    public ObjectNode update(ObjectNode object, String expectedVersion) throws GatewayException {
        ResourceId id = ResourceId.of(object);
        if (id.isLambdaProvisionedConcurrency()) {
            return provisioned.update(object, expectedVersion);
        }
        JsonNode spec = object.path("spec");
        try {
            AliasConfiguration a = toConfiguration(lambda().updateAlias(r -> r.functionName(id.namespace()).name(id.name())
                    .functionVersion(spec.path("functionVersion").asText())
                    .description(spec.path("description").asText(""))
                    .routingConfig(routing(spec))
                    .revisionId(expectedVersion)));
            return tree(id.namespace(), a);
        } catch (SdkException e) {
            throw failure(e, "UpdateAlias", id);
        }
    }

    @Override
    public void delete(ResourceId id, String expectedVersion) throws GatewayException {
        if (id.isLambdaProvisionedConcurrency()) {
            provisioned.delete(id, expectedVersion);
            return;
        }
        // DeleteAlias takes no RevisionId: compare it just before, the narrowest window Lambda allows
        ObjectNode live = read(id).orElseThrow(() ->
                new GatewayException(Reason.NOT_FOUND, target().label() + ": alias " + id + " no longer exists"));
        if (!revision(live).equals(expectedVersion)) {
            throw new GatewayException(Reason.CONFLICT, target().label() + ": alias " + id + " changed since it was read");
        }
        try {
            lambda().deleteAlias(r -> r.functionName(id.namespace()).name(id.name()));
        } catch (SdkException e) {
            throw failure(e, "DeleteAlias", id);
        }
    }

    @Override
    public void close() {
        clients.close();
    }

    private static AliasConfiguration toConfiguration(software.amazon.awssdk.services.lambda.model.UpdateAliasResponse a) {
        return AliasConfiguration.builder().aliasArn(a.aliasArn()).name(a.name()).functionVersion(a.functionVersion())
                .description(a.description()).routingConfig(a.routingConfig()).revisionId(a.revisionId()).build();
    }

    /** The weights to send; an empty map clears an alias's additional version. */
    private static AliasRoutingConfiguration routing(JsonNode spec) {
        Map<String, Double> weights = new LinkedHashMap<>();
        spec.path("routingConfig").path("additionalVersionWeights").fields()
                .forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        return AliasRoutingConfiguration.builder().additionalVersionWeights(weights).build();
    }

    private static java.util.List<String> versions(JsonNode alias) {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(alias.path("spec").path("functionVersion").asText());
        alias.path("spec").path("routingConfig").path("additionalVersionWeights").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String revision(ObjectNode alias) {
        return alias.path("metadata").path("resourceVersion").asText("");
    }

    private static ObjectNode tree(String function, AliasConfiguration a) {
        try {
            return (ObjectNode) YAML.readTree(LambdaResources.alias(function, a).yaml());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read back the LambdaAlias form of " + function + ":" + a.name(), e);
        }
    }

    private GatewayException failure(SdkException e, String operation, ResourceId id) {
        String where = target().label() + ": " + operation + " on " + (id.isLambdaAlias() ? "alias " + id : id);
        if (!(e instanceof AwsServiceException service)) {
            return new GatewayException(Reason.UNAVAILABLE, where + " got no answer: "
                    + AwsFailureMessage.explain(e, settings, region) + "; the write may or may not have happened", e);
        }
        String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
        String message = service.awsErrorDetails() == null ? service.getMessage() : service.awsErrorDetails().errorMessage();
        int status = service.statusCode();
        if (status == 412 || "PreconditionFailedException".equals(code)) {
            return new GatewayException(Reason.CONFLICT, where + ": the alias changed since it was read (RevisionId no"
                    + " longer matches)", e);
        }
        if (status == 409 || "ResourceConflictException".equals(code)) {
            return new GatewayException(operation.equals("CreateAlias") ? Reason.ALREADY_EXISTS : Reason.CONFLICT,
                    where + ": " + message, e);
        }
        if (status == 403 || status == 401) {
            return new GatewayException(Reason.FORBIDDEN, where + " is not allowed for " + identity() + " (" + status
                    + " " + code + "). It needs lambda:" + operation + " on function " + id.namespace()
                    + "; ask for it or use a profile that has it", e);
        }
        if (status == 404) {
            return new GatewayException(Reason.NOT_FOUND, where + ": " + message, e);
        }
        if (status >= 500) {
            return new GatewayException(Reason.SERVER_ERROR, where + ": Lambda failed (" + status + " " + code + "): "
                    + message + "; the write may or may not have happened", e);
        }
        return new GatewayException(Reason.INVALID, where + " was rejected (" + status + " " + code + "): " + message, e);
    }
}
