package dev.meshdeck.core.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanaryPlanTest {

    @Test
    void defaultsAreFlaggers() {
        CanaryPlan plan = CanaryPlan.defaults();
        assertThat(plan.steps()).containsExactly(10, 20, 30, 40, 50);
        assertThat(plan.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(plan.threshold()).isEqualTo(5);
        assertThat(plan.minSuccessRatePercent()).isEqualTo(99);
        assertThat(plan.latency()).isEqualTo(new LatencyLimit(LatencyLimit.Percentile.P99, Duration.ofMillis(500)));
    }

    @Test
    void stepWeightAndMaxWeightBecomeSteps() {
        assertThat(CanaryPlan.linearSteps(5, 20)).containsExactly(5, 10, 15, 20);
        assertThat(CanaryPlan.linearSteps(30, 100)).containsExactly(30, 60, 90);
    }

    @Test
    void stepsMustRiseBelowAHundredAndGatesNameSteps() {
        assertThatThrownBy(() -> new CanaryPlan(List.of(50, 25), Duration.ofSeconds(1), 99, null, null, 1, 1, Set.of(), false))
                .hasMessageContaining("steps must rise strictly");
        assertThatThrownBy(() -> new CanaryPlan(List.of(50, 100), Duration.ofSeconds(1), 99, null, null, 1, 1, Set.of(), false))
                .hasMessageContaining("promotion takes 100");
        assertThatThrownBy(() -> new CanaryPlan(List.of(50), Duration.ofSeconds(1), 99, null, null, 1, 1, Set.of(40), false))
                .hasMessageContaining("a gate before 40% names no step");
        assertThatThrownBy(() -> new CanaryPlan(List.of(50), Duration.ofSeconds(1), 99, null, null, 0, 1, Set.of(), false))
                .hasMessageContaining("no traffic never passes");
    }
}
