package dev.meshdeck.core.platform;

import dev.meshdeck.core.inventory.TrafficShare;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda alias: a primary published version plus at most one additional version taking {@code weight}
 * (0.0-1.0) of invocations. This is what the connector sends as {@code FunctionVersion} and
 * {@code RoutingConfig.AdditionalVersionWeights}.
 *
 * @param additionalVersion null when the alias points at one version only
 */
public record LambdaAliasRouting(String functionName, String aliasName, String primaryVersion,
                                 String additionalVersion, double weight) implements TrafficSplit {

    public LambdaAliasRouting {
        checkPublished(primaryVersion);
        if (additionalVersion != null) {
            checkPublished(additionalVersion);
            if (additionalVersion.equals(primaryVersion)) {
                throw new IllegalArgumentException("alias " + aliasName + " of " + functionName
                        + " cannot route to version " + primaryVersion + " as both primary and additional version");
            }
        }
        if (weight < 0.0 || weight > 1.0 || Double.isNaN(weight)) {
            throw new IllegalArgumentException("Lambda alias weight " + weight + " is outside 0.0-1.0");
        }
        if (additionalVersion == null && weight != 0.0) {
            throw new IllegalArgumentException("a weight needs an additional version to receive it");
        }
    }

    /** An alias with all traffic on one version. */
    public static LambdaAliasRouting single(String functionName, String aliasName, String version) {
        return new LambdaAliasRouting(functionName, aliasName, version, null, 0.0);
    }

    /** Reads an alias as the Lambda API returns it ({@code AdditionalVersionWeights} holds at most one entry). */
    public static LambdaAliasRouting of(String functionName, String aliasName, String functionVersion,
                                        Map<String, Double> additionalVersionWeights) {
        if (additionalVersionWeights == null || additionalVersionWeights.isEmpty()) {
            return single(functionName, aliasName, functionVersion);
        }
        if (additionalVersionWeights.size() > 1) {
            throw new IllegalArgumentException("alias " + aliasName + " of " + functionName
                    + " routes to more than one additional version; Lambda allows one");
        }
        Map.Entry<String, Double> e = additionalVersionWeights.entrySet().iterator().next();
        return new LambdaAliasRouting(functionName, aliasName, functionVersion, e.getKey(), e.getValue());
    }

    /** Starts a canary towards {@code version} at weight 0. */
    public LambdaAliasRouting towards(String version) {
        return new LambdaAliasRouting(functionName, aliasName, primaryVersion, version, 0.0);
    }

    /** Percent (0-100) to Lambda weight: 10 -> 0.1. */
    public static double weightOf(int percent) {
        return BigDecimal.valueOf(percent).movePointLeft(2).doubleValue();
    }

    /** Lambda weight to percent, exact to 4 decimals: 0.1 -> 10.0. */
    public static double percentOf(double weight) {
        return BigDecimal.valueOf(weight).movePointRight(2).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    /** The {@code AdditionalVersionWeights} to send; empty clears the routing (all traffic on the primary). */
    public Map<String, Double> additionalVersionWeights() {
        return additionalVersion == null || weight == 0.0 ? Map.of() : Map.of(additionalVersion, weight);
    }

    @Override
    public List<TrafficShare> shares() {
        List<TrafficShare> shares = new ArrayList<>();
        shares.add(new TrafficShare(primaryVersion, 100.0 - percentOf(weight), aliasName));
        if (additionalVersion != null) {
            shares.add(new TrafficShare(additionalVersion, percentOf(weight), aliasName));
        }
        return shares;
    }

    @Override
    public String stable() {
        return primaryVersion;
    }

    @Override
    public String candidate() {
        return additionalVersion;
    }

    @Override
    public double candidatePercent() {
        return percentOf(weight);
    }

    @Override
    public LambdaAliasRouting withCandidatePercent(int percent) {
        if (additionalVersion == null) {
            throw new IllegalStateException("alias " + aliasName + " of " + functionName
                    + " has no additional version; choose the candidate version first");
        }
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent " + percent + " is outside 0-100");
        }
        return new LambdaAliasRouting(functionName, aliasName, primaryVersion, additionalVersion, weightOf(percent));
    }

    /** The candidate becomes the alias's version; the routing config is cleared. */
    @Override
    public LambdaAliasRouting promote() {
        if (additionalVersion == null) {
            return this;
        }
        return single(functionName, aliasName, additionalVersion);
    }

    /** All traffic back on the primary; the candidate stays named (weight 0) so the slider can move again. */
    @Override
    public LambdaAliasRouting rollback() {
        return additionalVersion == null ? this : withCandidatePercent(0);
    }

    @Override
    public Optional<HasMetadata> resource() {
        return Optional.empty();
    }

    private static void checkPublished(String version) {
        if (version == null || version.isBlank() || "$LATEST".equals(version)) {
            throw new IllegalArgumentException("a Lambda alias must point at a published version, not "
                    + (version == null || version.isBlank() ? "nothing" : "$LATEST") + "; publish a version first");
        }
    }
}
