package dev.meshdeck.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IstioDurationTest {

    @Test
    void durationsUseIstioNotation() {
        assertThat(IstioDuration.ofSeconds(30)).hasToString("30s");
        assertThat(IstioDuration.ofMillis(250)).hasToString("250ms");
        assertThat(IstioDuration.ofSeconds(300)).hasToString("5m");
        assertThat(IstioDuration.parse("1m30s")).hasToString("90s");
        assertThat(IstioDuration.parse("30ms")).hasToString("30ms");
        assertThat(IstioDuration.parse("1.5s")).hasToString("1500ms");
        assertThat(IstioDuration.parse("1.0000005s")).hasToString("1.0000005s");
        assertThatThrownBy(() -> IstioDuration.parse("30 seconds")).hasMessageContaining("30s, 250ms");
    }
}
