package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.State;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Maps a Lambda function (configuration + aliases) onto the core function model. */
final class LambdaFunctions {

    static final String LIVE_ALIAS = "live";
    static final String LATEST = "$LATEST";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LambdaFunctions() {
    }

    /**
     * @param versions the function's versions ($LATEST first), asked for only when no alias says where traffic goes
     */
    static ServerlessFunction toFunction(SourceRef.AwsRegion source, FunctionConfiguration config,
                                         List<AliasConfiguration> aliases, Supplier<List<String>> versions) {
        FunctionId id = new FunctionId(source, Platform.LAMBDA, "", config.functionName());
        return new ServerlessFunction(id, traffic(aliases, versions), MeshStatus.NOT_IN_MESH, health(config.state()),
                Map.of());
    }

    /**
     * Traffic follows the alias callers use: {@code live} if there is one, else the first alias that splits
     * (it is the one a rollout is moving). Without either, unqualified calls run $LATEST; published versions
     * are listed at 0% so they are visible without inventing a split.
     */
    static List<TrafficShare> traffic(List<AliasConfiguration> aliases, Supplier<List<String>> versions) {
        Optional<AliasConfiguration> routing = aliases.stream().filter(a -> LIVE_ALIAS.equals(a.name())).findFirst()
                .or(() -> aliases.stream().filter(a -> !weights(a).isEmpty()).findFirst());
        if (routing.isPresent()) {
            return shares(routing.get());
        }
        List<TrafficShare> shares = new ArrayList<>();
        for (String version : versions.get()) {
            shares.add(new TrafficShare(version, LATEST.equals(version) ? 100 : 0));
        }
        return shares;
    }

    static Health health(State state) {
        if (state == null || state == State.UNKNOWN_TO_SDK_VERSION) {
            return Health.UNKNOWN;
        }
        return state == State.ACTIVE ? new Health(1, 1, 0, state.toString()) : new Health(0, 1, 0, state.toString());
    }

    private static List<TrafficShare> shares(AliasConfiguration alias) {
        List<TrafficShare> shares = new ArrayList<>();
        BigDecimal primary = HUNDRED;
        for (Map.Entry<String, Double> weighted : weights(alias).entrySet()) {
            BigDecimal percent = BigDecimal.valueOf(weighted.getValue()).multiply(HUNDRED);
            primary = primary.subtract(percent);
            shares.add(new TrafficShare(weighted.getKey(), percent.doubleValue(), alias.name()));
        }
        shares.add(0, new TrafficShare(alias.functionVersion(), primary.doubleValue(), alias.name()));
        return shares;
    }

    private static Map<String, Double> weights(AliasConfiguration alias) {
        return alias.routingConfig() == null ? Map.of() : alias.routingConfig().additionalVersionWeights();
    }
}
