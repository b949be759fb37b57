package dev.meshdeck.core.canary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a canary rolls out: the candidate's weight at each step, the interval each step is watched for, the checks
 * its traffic must pass at the end of every interval, and how many failed checks abort it. After the last step
 * passes the candidate is promoted (all traffic; a Knative or Lambda stable pointer moved), unless the plan asks for
 * a person to confirm it first.
 *
 * @param steps                 candidate weights, rising, each 1-99
 * @param minSuccessRatePercent Flagger's request-success-rate: the candidate's non-5xx share, 0-100
 * @param latency               Flagger's request-duration, or null for no latency check
 * @param stableTolerancePercent when set, the candidate must also be no worse than the stable version by this much:
 *                              success rate at most this many points under it, latency at most this share over it
 * @param minRequests           fewer candidate requests in an interval fail the check: no traffic is not success
 * @param threshold             failed checks (not necessarily in a row) that abort the run
 * @param pauseBefore           step weights a person must release (manual gates)
 * @param confirmPromotion      the run waits for a person before promoting
 */
public record CanaryPlan(List<Integer> steps, Duration interval, double minSuccessRatePercent, LatencyLimit latency,
                         Double stableTolerancePercent, long minRequests, int threshold, Set<Integer> pauseBefore,
                         boolean confirmPromotion) {

    /** Flagger's analysis defaults: interval 1m, threshold 5, success rate ≥ 99 %, p99 ≤ 500 ms. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    public static final int DEFAULT_THRESHOLD = 5;
    public static final double DEFAULT_SUCCESS_RATE = 99;
    public static final LatencyLimit DEFAULT_LATENCY = new LatencyLimit(LatencyLimit.Percentile.P99, Duration.ofMillis(500));
    /** Flagger's documented example: stepWeight 10 up to maxWeight 50. */
    public static final List<Integer> DEFAULT_STEPS = linearSteps(10, 50);
    public static final long DEFAULT_MIN_REQUESTS = 10;

    public CanaryPlan {
        steps = List.copyOf(steps);
        pauseBefore = Set.copyOf(pauseBefore);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a canary plan needs at least one step");
        }
        int previous = 0;
        for (int w : steps) {
            if (w <= previous || w >= 100) {
                throw new IllegalArgumentException("steps must rise strictly between 1 and 99 (promotion takes 100): " + steps);
            }
            previous = w;
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive, got " + interval);
        }
        if (minSuccessRatePercent < 0 || minSuccessRatePercent > 100) {
            throw new IllegalArgumentException("the success rate is a percentage, 0-100: " + minSuccessRatePercent);
        }
        if (stableTolerancePercent != null && stableTolerancePercent < 0) {
            throw new IllegalArgumentException("the tolerance against stable cannot be negative: " + stableTolerancePercent);
        }
        if (minRequests < 1) {
            throw new IllegalArgumentException("the minimum request count must be at least 1, so no traffic never passes");
        }
        if (threshold < 1) {
            throw new IllegalArgumentException("the failed-check threshold must be at least 1: " + threshold);
        }
        for (int gate : pauseBefore) {
            if (!steps.contains(gate)) {
                throw new IllegalArgumentException("a gate before " + gate + "% names no step of " + steps);
            }
        }
    }

    /** The plan Flagger would run without settings: steps of 10 up to 50 %, every minute. */
    public static CanaryPlan defaults() {
        return new CanaryPlan(DEFAULT_STEPS, DEFAULT_INTERVAL, DEFAULT_SUCCESS_RATE, DEFAULT_LATENCY, null,
                DEFAULT_MIN_REQUESTS, DEFAULT_THRESHOLD, Set.of(), false);
    }

    /** Flagger's stepWeight/maxWeight as the step list: 10, 20, ... up to {@code max} (capped at 99). */
    public static List<Integer> linearSteps(int stepWeight, int maxWeight) {
        if (stepWeight < 1 || maxWeight < stepWeight) {
            throw new IllegalArgumentException("stepWeight must be at least 1 and no more than maxWeight, got "
                    + stepWeight + " and " + maxWeight);
        }
        List<Integer> steps = new ArrayList<>();
        for (int w = stepWeight; w <= Math.min(maxWeight, 99); w += stepWeight) {
            steps.add(w);
        }
        return steps;
    }

    public int lastStep() {
        return steps.size() - 1;
    }
}
