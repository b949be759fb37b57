package dev.meshdeck.core.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JudgementTest {

    static CanaryPlan plan(Double tolerance) {
        return new CanaryPlan(List.of(50), Duration.ofMinutes(1), 99,
                new LatencyLimit(LatencyLimit.Percentile.P95, Duration.ofMillis(300)), tolerance, 20, 1, Set.of(), false);
    }

    @Test
    void aCandidateWithinEveryBoundPasses() {
        Judgement j = Judgement.of(plan(null), new IntervalMetrics(new VersionFigures(200, 1, 250, 400), VersionFigures.NONE));
        assertThat(j.passed()).isTrue();
        assertThat(j.summary(plan(null))).isEqualTo("requests 200 ≥ 20, success rate 99.50% ≥ 99%, p95 latency 250ms ≤ 300ms");
    }

    @Test
    void unknownLatencyFails() {
        Judgement j = Judgement.of(plan(null), new IntervalMetrics(new VersionFigures(200, 0, Double.NaN, Double.NaN),
                VersionFigures.NONE));
        assertThat(j.passed()).isFalse();
        assertThat(j.summary(plan(null))).contains("p95 latency unknown > 300ms (FAILED)");
    }

    @Test
    void relativeToStableTheCandidateMayNotBeWorseByMoreThanTheTolerance() {
        IntervalMetrics slower = new IntervalMetrics(new VersionFigures(200, 0, 250, 0), new VersionFigures(800, 0, 100, 0));
        assertThat(Judgement.of(plan(null), slower).passed()).isTrue();
        Judgement j = Judgement.of(plan(10.0), slower);
        assertThat(j.passed()).isFalse();
        assertThat(j.summary(plan(10.0))).contains("p95 latency vs stable 250ms > 110ms (FAILED)");
    }
}
