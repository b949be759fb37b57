package dev.meshdeck.core.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgeTest {

    @Test
    void writtenAsKubectlWritesIt() {
        assertThat(Age.of(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Age.of(Duration.ofMinutes(12).plusSeconds(30))).isEqualTo("12m");
        assertThat(Age.of(Duration.ofMinutes(200))).isEqualTo("3h20m");
        assertThat(Age.of(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(Age.of(Duration.ofDays(5).plusHours(7))).isEqualTo("5d");
        assertThat(Age.of(Duration.ofSeconds(-3))).as("a clock a little ahead").isEqualTo("0s");
    }
}
