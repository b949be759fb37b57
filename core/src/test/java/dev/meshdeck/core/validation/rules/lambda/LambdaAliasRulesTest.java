package dev.meshdeck.core.validation.rules.lambda;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class LambdaAliasRulesTest {

    private static final String FIXTURE = "lambda/aliases.yaml";

    @Test
    void weightedAliasesMustSplitBetweenPublishedVersions() {
        assertFindings(new LambdaAliasUnpublishedVersion(), FIXTURE).containsExactly(
                "MD0240@LambdaAlias broken@spec.functionVersion",
                "MD0240@LambdaAlias broken@spec.routingConfig.additionalVersionWeights[$LATEST]");
    }

    @Test
    void atMostOneAdditionalVersion() {
        assertFindings(new LambdaAliasTooManyVersions(), FIXTURE)
                .containsExactly("MD0241@LambdaAlias broken@spec.routingConfig.additionalVersionWeights");
    }

    @Test
    void weightsAreFractionsFromZeroToOne() {
        assertFindings(new LambdaAliasWeightOutOfRange(), FIXTURE).containsExactly(
                "MD0242@LambdaAlias broken@spec.routingConfig.additionalVersionWeights[$LATEST]",
                "MD0242@LambdaAlias broken@spec.routingConfig.additionalVersionWeights[2]",
                "MD0242@LambdaAlias self@spec.routingConfig.additionalVersionWeights[5]");
    }

    @Test
    void theAdditionalVersionIsNotThePrimaryOne() {
        assertFindings(new LambdaAliasRoutesToPrimary(), FIXTURE)
                .containsExactly(
                "MD0243@LambdaAlias broken@spec.routingConfig.additionalVersionWeights[$LATEST]",
                "MD0243@LambdaAlias self@spec.routingConfig.additionalVersionWeights[5]");
    }
}
