package dev.meshdeck.sandbox.traffic;

/**
 * How one version answers: a log-normal latency (median and spread, the sigma of its logarithm) and the share
 * of requests that fail with a 5xx.
 */
public record ResponseProfile(double medianMillis, double spread, double errorRatio) {

    public ResponseProfile {
        if (!(medianMillis > 0) || !(spread > 0) || errorRatio < 0 || errorRatio > 1) {
            throw new IllegalArgumentException("a response profile needs medianMillis > 0, spread > 0 and "
                    + "errorRatio in [0, 1], got " + medianMillis + ", " + spread + ", " + errorRatio);
        }
    }

    /** Share of requests answered within {@code millis}. */
    public double shareWithin(double millis) {
        if (millis <= 0) {
            return 0;
        }
        return NormalDistribution.cdf((Math.log(millis) - Math.log(medianMillis)) / spread);
    }

    public double meanMillis() {
        return medianMillis * Math.exp(spread * spread / 2);
    }

    ResponseProfile withErrorRatio(double ratio) {
        return new ResponseProfile(medianMillis, spread, Math.max(0, Math.min(1, ratio)));
    }

    /** The standard normal distribution's CDF, from erf (Abramowitz-Stegun 7.1.26, error below 1.5e-7). */
    private static final class NormalDistribution {

        private NormalDistribution() {
        }

        static double cdf(double z) {
            return 0.5 * (1 + erf(z / Math.sqrt(2)));
        }

        private static double erf(double x) {
            double t = 1 / (1 + 0.3275911 * Math.abs(x));
            double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
            double y = 1 - poly * Math.exp(-x * x);
            return x >= 0 ? y : -y;
        }
    }
}
