package dev.meshdeck.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromDurationTest {

    @Test
    void prometheusDurationsAreRead() {
        assertThat(PromDuration.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(PromDuration.parse("1s500ms")).contains(Duration.ofMillis(1500));
        assertThat(PromDuration.parse("2w")).contains(Duration.ofDays(14));
        assertThat(PromDuration.parse("0")).contains(Duration.ZERO);
    }

    @Test
    void textPrometheusRefusesSaysWhy() {
        assertThat(PromDuration.problem("5minutes")).hasValueSatisfying(m -> assertThat(m).contains("unknown unit"));
        assertThat(PromDuration.problem("30m1h")).hasValueSatisfying(m -> assertThat(m).contains("longest to shortest"));
        assertThat(PromDuration.problem("30 s")).isPresent();
        assertThat(PromDuration.problem("5")).hasValueSatisfying(m -> assertThat(m).contains("a unit is missing"));
        assertThat(PromDuration.problem("")).isPresent();
    }

    @Test
    void formattingGivesTheShortestTextThatReadsBack() {
        assertThat(PromDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(PromDuration.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
        assertThat(PromDuration.parse(PromDuration.format(Duration.ofHours(49)))).contains(Duration.ofHours(49));
    }
}
