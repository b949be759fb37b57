package dev.meshdeck.core.monitoring.evaluation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rate}, {@code increase} and {@code irate} of counters over their points in a range. A counter that
 * drops was reset (a restarted proxy): the drop counts as a restart from zero, as in Prometheus. Unlike
 * Prometheus, the increase is not extrapolated to the range's edges; over scrapes of steady traffic the rate is the
 * same, and the sandbox's rules compare rates and ratios, never raw increases near a threshold.
 */
final class Counters {

    private Counters() {
    }

    /** Per second ({@code rate}) or in total ({@code increase}); series with fewer than two points are left out. */
    static List<Sample> rate(List<SampleHistory.Range> series, boolean perSecond) {
        List<Sample> result = new ArrayList<>();
        for (SampleHistory.Range r : series) {
            List<SampleHistory.Point> points = r.points();
            if (points.size() < 2) {
                continue;
            }
            double increase = increase(points);
            double seconds = Duration.between(points.get(0).at(), points.get(points.size() - 1).at()).toNanos() / 1e9;
            result.add(new Sample(withoutName(r.labels()), perSecond ? increase / seconds : increase));
        }
        return result;
    }

    /** Per second between the last two points. */
    static List<Sample> irate(List<SampleHistory.Range> series) {
        List<Sample> result = new ArrayList<>();
        for (SampleHistory.Range r : series) {
            List<SampleHistory.Point> points = r.points();
            if (points.size() < 2) {
                continue;
            }
            List<SampleHistory.Point> lastTwo = points.subList(points.size() - 2, points.size());
            double seconds = Duration.between(lastTwo.get(0).at(), lastTwo.get(1).at()).toNanos() / 1e9;
            result.add(new Sample(withoutName(r.labels()), increase(lastTwo) / seconds));
        }
        return result;
    }

    private static double increase(List<SampleHistory.Point> points) {
        double increase = 0;
        for (int i = 1; i < points.size(); i++) {
            double before = points.get(i - 1).value();
            double now = points.get(i).value();
            increase += now >= before ? now - before : now;
        }
        return increase;
    }

    static Map<String, String> withoutName(Map<String, String> labels) {
        Map<String, String> copy = new HashMap<>(labels);
        copy.remove(Sample.NAME);
        return copy;
    }
}
