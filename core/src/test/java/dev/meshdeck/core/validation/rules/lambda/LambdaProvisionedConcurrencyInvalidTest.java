package dev.meshdeck.core.validation.rules.lambda;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class LambdaProvisionedConcurrencyInvalidTest {

    @Test
    void latestBelowOneAndAboveReservedAreRefused() {
        assertFindings(new LambdaProvisionedConcurrencyInvalid(), "lambda/provisioned-concurrency.yaml").containsExactly(
                "MD0244@LambdaProvisionedConcurrency $LATEST@metadata.name",
                "MD0244@LambdaProvisionedConcurrency over@spec.provisionedConcurrentExecutions",
                "MD0244@LambdaProvisionedConcurrency none@spec.provisionedConcurrentExecutions");
    }
}
