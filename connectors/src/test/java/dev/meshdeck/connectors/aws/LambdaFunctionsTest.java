package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.TrafficShare;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.State;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaFunctionsTest {

    private static AliasConfiguration alias(String name, String version, Map<String, Double> weights) {
        return AliasConfiguration.builder().name(name).functionVersion(version)
                .routingConfig(r -> r.additionalVersionWeights(weights)).build();
    }

    @Test
    void liveAliasWinsOverAnotherSplittingAlias() {
        List<TrafficShare> traffic = LambdaFunctions.traffic(List.of(
                alias("beta", "5", Map.of("6", 0.5)),
                alias("live", "3", Map.of("4", 0.1))), List::of);

        assertThat(traffic).containsExactly(new TrafficShare("3", 90, "live"), new TrafficShare("4", 10, "live"));
    }

    @Test
    void withoutLiveTheFirstSplittingAliasIsFollowed() {
        List<TrafficShare> traffic = LambdaFunctions.traffic(List.of(
                alias("prod", "2", Map.of()),
                alias("beta", "2", Map.of("3", 0.25))), List::of);

        assertThat(traffic).containsExactly(new TrafficShare("2", 75, "beta"), new TrafficShare("3", 25, "beta"));
    }

    @Test
    void withoutRoutingAliasUnqualifiedCallsRunLatestAndVersionsShowNoShare() {
        List<TrafficShare> traffic = LambdaFunctions.traffic(List.of(alias("prod", "2", Map.of())),
                () -> List.of("$LATEST", "1", "2"));

        assertThat(traffic).containsExactly(new TrafficShare("$LATEST", 100), new TrafficShare("1", 0),
                new TrafficShare("2", 0));
    }

    @Test
    void healthFollowsTheLambdaState() {
        assertThat(LambdaFunctions.health(State.ACTIVE)).isEqualTo(new Health(1, 1, 0, "Active"));
        assertThat(LambdaFunctions.health(State.PENDING).level()).isEqualTo(Health.Level.DOWN);
        assertThat(LambdaFunctions.health(State.INACTIVE).state()).isEqualTo("Inactive");
        assertThat(LambdaFunctions.health(State.FAILED).level()).isEqualTo(Health.Level.DOWN);
        assertThat(LambdaFunctions.health(null)).isEqualTo(Health.UNKNOWN);
    }
}
