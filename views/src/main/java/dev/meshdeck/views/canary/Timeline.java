package dev.meshdeck.views.canary;

import dev.meshdeck.core.canary.IntervalRecord;
import dev.meshdeck.core.canary.LatencyLimit;
import dev.meshdeck.core.canary.VersionFigures;
import java.util.List;

/**
 * What the timeline draws for one run: the planned steps and the weight now, and per judged interval the weight in
 * force, both versions' success rate and latency, and the verdict; with the thresholds as lines.
 *
 * @param maxLatencyMillis {@code NaN} when the plan checks no latency
 */
public record Timeline(List<Integer> steps, int weight, List<Point> points, double minSuccessRate, double maxLatencyMillis,
                       String percentile) {

    public Timeline {
        steps = List.copyOf(steps);
        points = List.copyOf(points);
    }

    /** One judged interval; figures are {@code NaN} when the telemetry did not answer. */
    public record Point(int weight, double candidateSuccess, double stableSuccess, double candidateLatency,
                       double stableLatency, boolean passed) {

        /** @param percentile the latency the plan checks (p99 when it checks none) */
        static Point of(IntervalRecord interval, LatencyLimit.Percentile percentile) {
            VersionFigures candidate = interval.metrics() == null ? VersionFigures.NONE : interval.metrics().candidate();
            VersionFigures stable = interval.metrics() == null ? VersionFigures.NONE : interval.metrics().stable();
            return new Point(interval.weight(), candidate.successRatePercent(), stable.successRatePercent(),
                    candidate.latencyMillis(percentile), stable.latencyMillis(percentile), interval.judgement().passed());
        }
    }

    /** The highest latency drawn, threshold included, so the line and the points share one scale. */
    public double latencyScale() {
        double max = Double.isNaN(maxLatencyMillis) ? 0 : maxLatencyMillis;
        for (Point p : points) {
            max = Math.max(max, Math.max(nanToZero(p.candidateLatency()), nanToZero(p.stableLatency())));
        }
        return max <= 0 ? 1 : max * 1.1;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
