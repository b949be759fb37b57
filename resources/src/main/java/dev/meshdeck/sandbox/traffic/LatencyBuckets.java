package dev.meshdeck.sandbox.traffic;

import java.util.List;

/**
 * Istio's default buckets of {@code istio_request_duration_milliseconds}, and the quantile Prometheus'
 * {@code histogram_quantile} computes from them, so the simulator reports the p95 a Prometheus would.
 */
public final class LatencyBuckets {

    /** Upper bounds in ms, as Istio's stats filter defines them (the +Inf bucket comes on top). */
    public static final List<Double> BOUNDS = List.of(0.5, 1.0, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0,
            2500.0, 5000.0, 10000.0, 30000.0, 60000.0, 300000.0, 600000.0, 1800000.0, 3600000.0);

    private LatencyBuckets() {
    }

    /** Cumulative share of requests within each bound of {@link #BOUNDS}. */
    public static double[] sharesWithin(ResponseProfile profile) {
        double[] shares = new double[BOUNDS.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = profile.shareWithin(BOUNDS.get(i));
        }
        return shares;
    }

    /**
     * Prometheus' {@code histogram_quantile}: linear interpolation inside the bucket the rank falls into.
     *
     * @param cumulative cumulative counts per bound of {@link #BOUNDS}
     * @param total      the +Inf bucket
     * @return the quantile in ms, NaN without observations
     */
    public static double quantile(double q, double[] cumulative, double total) {
        if (!(total > 0)) {
            return Double.NaN;
        }
        double rank = q * total;
        int b = 0;
        while (b < cumulative.length && cumulative[b] < rank) {
            b++;
        }
        if (b == cumulative.length) {
            // in the +Inf bucket: Prometheus answers the highest finite bound
            return BOUNDS.get(BOUNDS.size() - 1);
        }
        double start = b == 0 ? 0 : BOUNDS.get(b - 1);
        double before = b == 0 ? 0 : cumulative[b - 1];
        double inBucket = cumulative[b] - before;
        return start + (BOUNDS.get(b) - start) * ((rank - before) / inBucket);
    }
}
