package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class RouteWeightRulesTest {

    private static final String FIXTURE = "weights/weights.yaml";

    @Test
    void weightsNotTotallingHundredAreAWarningNotAnError() {
        assertFindings(new WeightsNotHundred(), FIXTURE)
                .containsExactly("MD0201@VirtualService serverless/sums-to-80@spec.http[0].route",
                        "MD0201@VirtualService serverless/single-weighted@spec.http[0].route[0].weight");
    }

    @Test
    void negativeWeightIsAnErrorAtTheWeight() {
        assertFindings(new NegativeWeight(), FIXTURE)
                .containsExactly("MD0202@VirtualService serverless/negative@spec.http[0].route[1].weight");
    }

    @Test
    void allZeroWeightsOnSeveralDestinationsIsAnError() {
        assertFindings(new AllZeroWeights(), FIXTURE)
                .containsExactly("MD0203@VirtualService serverless/all-zero@spec.tcp[0].route");
    }

    @Test
    void aDestinationRepeatedInOneRouteIsReportedAtEachRepetitionUnlessThePortsDiffer() {
        assertFindings(new RepeatedRouteDestination(), FIXTURE).containsExactly(
                "MD0251@VirtualService serverless/repeated@spec.http[0].route[0].destination.host",
                "MD0251@VirtualService serverless/repeated@spec.http[0].route[1].destination.host");
    }
}
