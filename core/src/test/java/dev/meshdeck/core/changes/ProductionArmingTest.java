package dev.meshdeck.core.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.SourceRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProductionArmingTest {

    static final SourceRef PROD = new SourceRef.KubeContext("prod-eu", "prod", "https://10.0.0.1:6443");
    static final SourceRef STAGING = new SourceRef.KubeContext("staging-eu", "staging", "https://10.0.0.2:6443");

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ProductionArming arming = new ProductionArming(ProductionGuard.DEFAULT_PATTERN, clock);

    @Test
    void productionIsReadOnlyUntilArmedAndOtherContextsNever() {
        assertThat(arming.refusal(PROD)).hasValueSatisfying(r -> assertThat(r).contains("prod-eu", "read-only", "arm"));
        assertThat(arming.refusal(STAGING)).isEmpty();
        assertThat(arming.guard().refusal("context prod-eu")).isPresent();

        arming.arm();

        assertThat(arming.refusal(PROD)).isEmpty();
        assertThat(arming.guard().refusal("context prod-eu")).as("pipelines opened now may write").isEmpty();
        assertThat(arming.countdown()).isEqualTo("15:00");
    }

    @Test
    void armingCountsDownAndExpiresAfterFifteenMinutes() {
        AtomicInteger told = new AtomicInteger();
        arming.addListener(told::incrementAndGet);
        arming.arm();
        clock.now = clock.now.plus(Duration.ofMinutes(14)).plusSeconds(30);
        arming.refresh();
        assertThat(arming.countdown()).isEqualTo("0:30");
        assertThat(told).hasValue(1);

        clock.now = clock.now.plusSeconds(30);
        arming.refresh();
        arming.refresh();

        assertThat(arming.armed()).isFalse();
        assertThat(arming.refusal(PROD)).isPresent();
        assertThat(arming.countdown()).isEmpty();
        assertThat(told).as("expiry is told once").hasValue(2);
    }

    @Test
    void disarmingEndsItAtOnce() {
        arming.arm();
        arming.disarm();
        assertThat(arming.refusal(PROD)).isPresent();
    }

    @Test
    void lambdaTargetsAreNamedAsTheirGatewayNamesThem() {
        assertThat(ProductionArming.target(new SourceRef.AwsRegion("123456789012", "eu-west-1", null)))
                .isEqualTo("AWS 123456789012/eu-west-1");
        assertThat(ProductionArming.target(PROD)).isEqualTo("context prod-eu");
    }
}
