package dev.meshdeck.connectors.prometheus;

import java.util.Map;
import java.util.TreeMap;

/** Cumulative latency buckets (upper bound in ms → requests at or under it), and their quantiles as PromQL's. */
final class LatencyHistogram {

    private final TreeMap<Double, Double> buckets = new TreeMap<>();

    void add(double upperBound, double count) {
        buckets.merge(upperBound, count, Double::sum);
    }

    void addAll(LatencyHistogram other) {
        other.buckets.forEach(this::add);
    }

    /** This histogram minus {@code earlier}: the requests between the two readings. */
    LatencyHistogram minus(LatencyHistogram earlier) {
        LatencyHistogram delta = new LatencyHistogram();
        buckets.forEach((le, count) -> delta.add(le, Math.max(0, count - earlier.buckets.getOrDefault(le, 0.0))));
        return delta;
    }

    /**
     * {@code histogram_quantile}: linear interpolation inside the bucket holding the rank; a rank in the {@code +Inf}
     * bucket answers the highest finite bound. {@code NaN} without requests.
     */
    double quantile(double q) {
        Double total = buckets.isEmpty() ? null : buckets.lastEntry().getValue();
        if (total == null || total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> e : buckets.entrySet()) {
            if (e.getValue() >= rank) {
                if (e.getKey().isInfinite()) {
                    return lowerBound;
                }
                double inBucket = e.getValue() - lowerCount;
                return inBucket <= 0 ? e.getKey() : lowerBound + (e.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = e.getKey();
            lowerCount = e.getValue();
        }
        return lowerBound;
    }
}
