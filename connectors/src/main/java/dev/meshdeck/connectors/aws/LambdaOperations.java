package dev.meshdeck.connectors.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.traffic.CanaryEditor;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an SRE does to a Lambda function beside discovery: list and publish versions, and prepare alias changes
 * (a canary weight, a promotion) as candidate documents. Writing an alias is the apply pipeline's job: this class
 * only reads, except {@link #publish}, which creates an immutable version and moves no traffic.
 */
public final class LambdaOperations implements AutoCloseable {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AwsSettings settings;
    private final AwsClients clients;

    public LambdaOperations(AwsSettings settings) {
        this.settings = settings;
        this.clients = new AwsClients(settings);
    }

    /** {@code $LATEST} and every published version, oldest first, with the aliases that route to each. */
    public List<LambdaVersion> versions(String region, String function) {
        return call(region, "list the versions of " + function, () -> {
            LambdaClient lambda = clients.lambda(region);
            List<AliasConfiguration> aliases = lambda.listAliasesPaginator(r -> r.functionName(function)).aliases()
                    .stream().toList();
            return lambda.listVersionsByFunctionPaginator(r -> r.functionName(function)).versions().stream()
                    .map(v -> version(v, aliases)).toList();
        });
    }

    /**
     * Publishes {@code $LATEST} as a version, on the condition that it is still the code and configuration just
     * read (CodeSha256 and RevisionId): a deployment landing in between is a conflict, not an unseen publish.
     * When nothing changed since the last version, Lambda returns that version and {@code created} is false.
     */
    public PublishedVersion publish(String region, String function, String description) {
        return call(region, "publish a version of " + function, () -> {
            LambdaClient lambda = clients.lambda(region);
            GetFunctionConfigurationResponse latest = lambda.getFunctionConfiguration(r -> r.functionName(function));
            String newest = newestPublished(lambda, function);
            PublishVersionResponse published = lambda.publishVersion(r -> r.functionName(function)
                    .codeSha256(latest.codeSha256()).revisionId(latest.revisionId()).description(description));
            LambdaVersion version = new LambdaVersion(published.version(), published.description(),
                    published.codeSha256(), published.lastModified(), published.runtimeAsString(),
                    published.memorySize(), published.timeout(), Map.of());
            return new PublishedVersion(version, !published.version().equals(newest));
        });
    }

    /**
     * The alias with {@code candidate} (null: its current additional version) at {@code percent} of its
     * invocations, through the canary slider's model.
     */
    public LambdaAliasChange setWeight(String region, String function, String alias, String candidate, int percent) {
        return change(region, function, alias, live -> CanaryEditor.of(live, candidate).withCandidatePercent(percent));
    }

    /**
     * The alias moved to {@code version} with its weights cleared; {@code version} null means the alias's
     * additional (canary) version.
     *
     * @throws IllegalArgumentException when there is nothing to promote
     */
    public LambdaAliasChange promote(String region, String function, String alias, String version) {
        return change(region, function, alias, live -> {
            if (version == null && !live.at("/spec/routingConfig/additionalVersionWeights").elements().hasNext()) {
                throw new IllegalArgumentException("alias " + alias + " of " + function + " sends all traffic to version "
                        + live.at("/spec/functionVersion").asText() + " and has no canary to promote;"
                        + " name the version to promote");
            }
            return CanaryEditor.of(live, version).promoted();
        });
    }

    @Override
    public void close() {
        clients.close();
    }

    private LambdaAliasChange change(String region, String function, String alias,
                                     Function<ObjectNode, CanaryEditor> edit) {
        GetAliasResponse read = call(region, "read alias " + alias + " of " + function,
                () -> clients.lambda(region).getAlias(r -> r.functionName(function).name(alias)));
        AliasConfiguration current = AliasConfiguration.builder().aliasArn(read.aliasArn()).name(read.name())
                .functionVersion(read.functionVersion()).description(read.description())
                .routingConfig(read.routingConfig()).revisionId(read.revisionId()).build();
        ObjectNode live = LambdaResources.aliasTree(function, current);
        ObjectNode candidate = edit.apply(live.deepCopy()).candidate();
        return new LambdaAliasChange(region, LambdaResources.alias(function, live),
                LambdaResources.alias(function, candidate));
    }

    private static String newestPublished(LambdaClient lambda, String function) {
        List<String> versions = new ArrayList<>();
        lambda.listVersionsByFunctionPaginator(r -> r.functionName(function)).versions()
                .forEach(v -> versions.add(v.version()));
        return versions.get(versions.size() - 1);
    }

    private static LambdaVersion version(FunctionConfiguration v, List<AliasConfiguration> aliases) {
        Map<String, Double> routed = new LinkedHashMap<>();
        for (AliasConfiguration alias : aliases) {
            Map<String, Double> weights = alias.routingConfig() == null ? Map.of()
                    : alias.routingConfig().additionalVersionWeights();
            if (weights.containsKey(v.version())) {
                routed.put(alias.name(), percent(weights.get(v.version())));
            } else if (v.version().equals(alias.functionVersion())) {
                BigDecimal others = weights.values().stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
                routed.put(alias.name(), HUNDRED.subtract(others.multiply(HUNDRED)).doubleValue());
            }
        }
        return new LambdaVersion(v.version(), v.description(), v.codeSha256(), v.lastModified(), v.runtimeAsString(),
                v.memorySize(), v.timeout(), routed);
    }

    private static double percent(double weight) {
        return BigDecimal.valueOf(weight).multiply(HUNDRED).doubleValue();
    }

    private <T> T call(String region, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (SdkException e) {
            throw new IllegalStateException("Cannot " + what + ": " + AwsFailureMessage.explain(e, settings, region), e);
        }
    }

    /** A publish's outcome: the version, and whether it is new or the unchanged last one. */
    public record PublishedVersion(LambdaVersion version, boolean created) {
    }
}
