package dev.meshdeck.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SilenceSpecTest {

    private static final Instant NOW = Instant.parse("2026-12-08T01:00:00Z");
    private static final ActiveAlert ALERT = new ActiveAlert("http://prometheus", Optional.of("shop/orders"),
            "FunctionLatencySloBreached", "warning", ActiveAlert.State.FIRING, NOW, 1200,
            Map.of("alertname", "FunctionLatencySloBreached", "function", "orders", "namespace", "shop"), Optional.empty());

    @Test
    void aSilenceOfAnAlertMatchesEachOfItsLabelsExactlyForTheDurationGiven() {
        SilenceSpec spec = SilenceSpec.of(ALERT, Duration.ofHours(1), "sre", "deploy in progress", NOW);
        assertThat(spec.matchers()).containsExactly(
                new SilenceSpec.Matcher("alertname", "FunctionLatencySloBreached", false, true),
                new SilenceSpec.Matcher("function", "orders", false, true),
                new SilenceSpec.Matcher("namespace", "shop", false, true));
        assertThat(spec.startsAt()).isEqualTo(NOW);
        assertThat(spec.endsAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void aSilenceNeedsAPositiveDurationAnAuthorAndAComment() {
        assertThatThrownBy(() -> SilenceSpec.of(ALERT, Duration.ZERO, "sre", "why", NOW)).hasMessageContaining("positive time");
        assertThatThrownBy(() -> SilenceSpec.of(ALERT, Duration.ofHours(1), " ", "why", NOW)).hasMessageContaining("author");
        assertThatThrownBy(() -> SilenceSpec.of(ALERT, Duration.ofHours(1), "sre", "", NOW)).hasMessageContaining("comment");
    }
}
