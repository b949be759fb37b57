package dev.meshdeck.sandbox.traffic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class LatencyBucketsTest {

    /** Cumulative counts over Istio's bounds: 10 requests within 5 ms, 90 within 50, 100 within 100. */
    private static double[] histogram() {
        double[] c = new double[LatencyBuckets.BOUNDS.size()];
        for (int i = 0; i < c.length; i++) {
            double bound = LatencyBuckets.BOUNDS.get(i);
            c[i] = bound < 5 ? 0 : bound < 50 ? 10 : bound < 100 ? 90 : 100;
        }
        return c;
    }

    @Test
    void quantileInterpolatesInsideTheBucketLikePrometheus() {
        // rank 95 lies in (50, 100], which holds requests 91..100: 50 + 50 * (95 - 90) / 10
        assertThat(LatencyBuckets.quantile(0.95, histogram(), 100)).isCloseTo(75, offset(1e-9));
        // rank 50 lies in (25, 50] (the 10 ms and 25 ms buckets hold 10): 25 + 25 * 40 / 80
        assertThat(LatencyBuckets.quantile(0.5, histogram(), 100)).isCloseTo(37.5, offset(1e-9));
    }

    @Test
    void quantileInTheInfiniteBucketIsTheHighestBoundAndNoRequestsHaveNone() {
        double[] none = new double[LatencyBuckets.BOUNDS.size()];
        assertThat(LatencyBuckets.quantile(0.95, none, 10)).isEqualTo(3600000.0);
        assertThat(LatencyBuckets.quantile(0.95, none, 0)).isNaN();
    }

    @Test
    void sharesFollowTheLogNormalProfile() {
        double[] shares = LatencyBuckets.sharesWithin(new ResponseProfile(40, 0.5, 0));
        int at40 = LatencyBuckets.BOUNDS.indexOf(50.0);
        assertThat(shares[at40]).isCloseTo(0.6726, offset(1e-3));  // Phi(ln(50/40)/0.5)
        assertThat(shares[shares.length - 1]).isCloseTo(1, offset(1e-9));
    }
}
