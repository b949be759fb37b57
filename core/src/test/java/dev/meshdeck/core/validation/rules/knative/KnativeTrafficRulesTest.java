package dev.meshdeck.core.validation.rules.knative;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.RuleAsserter;
import org.junit.jupiter.api.Test;

class KnativeTrafficRulesTest {

    private static final String FIXTURE = "knative/traffic.yaml";

    @Test
    void percentsNotTotallingHundredAreRejectedWithKnativesWording() {
        assertFindings(new KnativeTrafficNotHundred(), FIXTURE)
                .containsExactly("MD0230@Service serverless/order-function@spec.traffic");
        assertThat(RuleAsserter.run(new KnativeTrafficNotHundred(), FIXTURE).get(0).message())
                .startsWith("Traffic targets sum to 95, want 100");
    }

    @Test
    void percentsOutsideZeroToHundredAreReported() {
        assertFindings(new KnativePercentOutOfRange(), FIXTURE)
                .containsExactly("MD0231@Service serverless/order-function@spec.traffic[2].percent");
    }

    @Test
    void aTagDefinedTwiceIsReportedAtItsSecondUse() {
        assertFindings(new KnativeDuplicateTag(), FIXTURE)
                .containsExactly("MD0232@Service serverless/order-function@spec.traffic[2].tag");
    }

    @Test
    void latestRevisionContradictingRevisionNameIsReportedBothWays() {
        assertFindings(new KnativeLatestRevisionConflict(), FIXTURE).containsExactly(
                "MD0233@Service serverless/order-function@spec.traffic[3].latestRevision",
                "MD0233@Service serverless/pinned@spec.traffic[0].latestRevision");
    }

    @Test
    void revisionsUnknownForAServiceWhoseRevisionsAreKnownAreReported() {
        assertFindings(new KnativeRevisionNotFound(), FIXTURE)
                .containsExactly("MD0358@Service serverless/order-function@spec.traffic[1].revisionName");
    }
}
