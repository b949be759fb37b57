package dev.meshdeck.core.validation.rules.cloudrun;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class CloudRunRulesTest {

    private static final String FIXTURE = "cloudrun/services.yaml";

    @Test
    void trafficAddsUpToExactlyAHundredInWholePercents() {
        assertFindings(new CloudRunTrafficNotHundred(), FIXTURE).containsExactly(
                "MD0245@CloudRunService over@spec.traffic",
                "MD0245@CloudRunService negative@spec.traffic[0].percent",
                "MD0245@CloudRunService negative@spec.traffic[1].percent");
    }

    @Test
    void tagsAreUrlSafeAndUnique() {
        assertFindings(new CloudRunTagInvalid(), FIXTURE).containsExactly(
                "MD0246@CloudRunService tags@spec.traffic[1].tag",
                "MD0246@CloudRunService tags@spec.traffic[2].tag",
                "MD0246@CloudRunService tags@spec.traffic[3].tag");
    }
}
