package dev.meshdeck.core.monitoring.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code histogram_quantile} over cumulative {@code le} buckets, as Prometheus computes it: the rank's bucket found,
 * then linear interpolation inside it (from 0 in the first bucket); in the {@code +Inf} bucket, the highest finite
 * bound; NaN without observations or without a {@code +Inf} bucket.
 */
final class Histograms {

    private record Bucket(double upper, double count) {
    }

    private Histograms() {
    }

    static List<Sample> quantile(double q, List<Sample> buckets) {
        Map<Map<String, String>, List<Bucket>> histograms = new LinkedHashMap<>();
        for (Sample s : buckets) {
            String le = s.labels().get("le");
            if (le == null) {
                continue; // not a bucket: Prometheus ignores it too
            }
            Map<String, String> key = Counters.withoutName(s.labels());
            key.remove("le");
            histograms.computeIfAbsent(key, k -> new ArrayList<>()).add(new Bucket(bound(le), s.value()));
        }
        List<Sample> result = new ArrayList<>();
        histograms.forEach((labels, list) -> result.add(new Sample(labels, quantileOf(q, list))));
        return result;
    }

    private static double bound(String le) {
        return switch (le) {
            case "+Inf", "Inf", "inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(le);
        };
    }

    private static double quantileOf(double q, List<Bucket> unsorted) {
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        List<Bucket> buckets = unsorted.stream().sorted(Comparator.comparingDouble(Bucket::upper)).toList();
        if (buckets.size() < 2 || buckets.get(buckets.size() - 1).upper() != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double total = buckets.get(buckets.size() - 1).count();
        if (!(total > 0)) {
            return Double.NaN;
        }
        double rank = q * total;
        int b = 0;
        while (b < buckets.size() - 1 && buckets.get(b).count() < rank) {
            b++;
        }
        if (b == buckets.size() - 1) {
            return buckets.get(buckets.size() - 2).upper();
        }
        double start = b == 0 ? 0 : buckets.get(b - 1).upper();
        double before = b == 0 ? 0 : buckets.get(b - 1).count();
        double inBucket = buckets.get(b).count() - before;
        return start + (buckets.get(b).upper() - start) * ((rank - before) / inBucket);
    }
}
