package dev.meshdeck.core.canary;

import java.time.Instant;

/**
 * One watched interval: the step and weight in force, when it ran, both versions' figures and the verdict.
 *
 * @param step index into the plan's steps
 */
public record IntervalRecord(int step, int weight, Instant from, Instant to, IntervalMetrics metrics, Judgement judgement) {
}
