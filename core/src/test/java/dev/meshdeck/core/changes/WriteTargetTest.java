package dev.meshdeck.core.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a change set was written, matched by rollback, failback, undo and recovery. */
class WriteTargetTest {

    private static final WriteTarget.KubeContext SANDBOX = new WriteTarget.KubeContext("meshdeck-sandbox");
    private static final WriteTarget.AwsRegion EU = new WriteTarget.AwsRegion("123456789012", "default", "eu-west-1");
    private static final WriteTarget.AwsRegion EU_WITHOUT_STS = new WriteTarget.AwsRegion(null, "default", "eu-west-1");

    @Test
    void aRegionWrittenWhileStsWasUnreachableIsReachedOnceTheAccountIsKnownAndBack() {
        assertThat(EU.reaches(EU_WITHOUT_STS)).isTrue();
        assertThat(EU_WITHOUT_STS.reaches(EU)).isTrue();
        assertThat(EU.reaches(new WriteTarget.AwsRegion(null, "default", "us-east-1"))).as("another region").isFalse();
        assertThat(EU.reaches(new WriteTarget.AwsRegion("999999999999", "default", "eu-west-1"))).as("another account").isFalse();
        assertThat(EU_WITHOUT_STS.reaches(new WriteTarget.AwsRegion(null, "prod", "eu-west-1"))).as("another profile").isFalse();
    }

    @Test
    void aContextAndARegionReachWhatWasWrittenToEitherButNotAnotherContext() {
        WriteTarget both = WriteTarget.of(List.of(SANDBOX, EU));

        assertThat(both.reaches(SANDBOX)).isTrue();
        assertThat(both.reaches(EU_WITHOUT_STS)).isTrue();
        assertThat(SANDBOX.reaches(both)).as("the region is not written through a context alone").isFalse();
        assertThat(both.reaches(new WriteTarget.KubeContext("prod"))).isFalse();
    }

    @Test
    void theTargetNamesItsFieldsForJsonAndItsLabelForPeople() {
        WriteTarget both = WriteTarget.of(List.of(SANDBOX, EU));

        assertThat(both.fields()).containsExactly(java.util.Map.entry("context", "meshdeck-sandbox"),
                java.util.Map.entry("account", "123456789012"), java.util.Map.entry("profile", "default"),
                java.util.Map.entry("region", "eu-west-1"));
        assertThat(both.label()).isEqualTo("context meshdeck-sandbox + AWS 123456789012/eu-west-1");
        assertThat(EU_WITHOUT_STS.label()).isEqualTo("AWS profile default/eu-west-1");
        assertThat(both.context()).contains("meshdeck-sandbox");
        assertThat(both.aws()).contains(EU);
    }
}
