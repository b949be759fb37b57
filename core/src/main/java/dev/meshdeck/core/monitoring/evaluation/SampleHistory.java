package dev.meshdeck.core.monitoring.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The scraped samples of the last {@code keep}, per series, as a Prometheus' head block holds them for rules and
 * queries to read; older points are dropped on each scrape. Thread-safe.
 */
public final class SampleHistory {

    /** How far back an instant selector looks for a series' last point, as Prometheus' default lookback delta. */
    static final Duration LOOKBACK = Duration.ofMinutes(5);

    /** One point of a series. */
    public record Point(Instant at, double value) {
    }

    /** A series and its points within a range, oldest first. */
    public record Range(Map<String, String> labels, List<Point> points) {
    }

    private final Duration keep;
    private final Map<Map<String, String>, Deque<Point>> series = new HashMap<>();

    /** @param keep how long points are kept: at least the longest range a rule reads plus the lookback */
    public SampleHistory(Duration keep) {
        this.keep = keep;
    }

    /** Adds one scrape taken at {@code at}; series not in it simply get no point (they may be stale). */
    public synchronized void add(Instant at, List<Sample> scrape) {
        for (Sample s : scrape) {
            series.computeIfAbsent(s.labels(), k -> new ArrayDeque<>()).addLast(new Point(at, s.value()));
        }
        Instant oldest = at.minus(keep);
        series.values().removeIf(points -> {
            while (!points.isEmpty() && points.peekFirst().at().isBefore(oldest)) {
                points.removeFirst();
            }
            return points.isEmpty();
        });
    }

    /** The last point at or before {@code at}, within the lookback, of every series the filter selects. */
    synchronized List<Sample> instant(Predicate<Map<String, String>> selects, Instant at) {
        List<Sample> result = new ArrayList<>();
        Instant from = at.minus(LOOKBACK);
        series.forEach((labels, points) -> {
            if (selects.test(labels)) {
                Point last = null;
                for (Point p : points) {
                    if (p.at().isAfter(at)) {
                        break;
                    }
                    last = p;
                }
                if (last != null && last.at().isAfter(from)) {
                    result.add(new Sample(labels, last.value()));
                }
            }
        });
        return result;
    }

    /** The points in {@code (at - range, at]} of every series the filter selects that has any there. */
    synchronized List<Range> range(Predicate<Map<String, String>> selects, Instant at, Duration range) {
        List<Range> result = new ArrayList<>();
        Instant from = at.minus(range);
        series.forEach((labels, points) -> {
            if (selects.test(labels)) {
                List<Point> within = points.stream().filter(p -> p.at().isAfter(from) && !p.at().isAfter(at)).toList();
                if (!within.isEmpty()) {
                    result.add(new Range(labels, within));
                }
            }
        });
        return result;
    }
}
