package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.telemetry.TrafficStats;

import java.time.Duration;

/**
 * CloudWatch figures of a Lambda function over a window: the whole function ({@code alias} and {@code version}
 * empty), one alias ({@code version} empty), or one version behind an alias.
 *
 * @param p95Millis p95 of Duration, {@code NaN} when nothing ran
 */
public record LambdaMetric(String function, String alias, String version, double invocations, double errors,
                           double throttles, double p95Millis) {

    public LambdaMetric {
        alias = alias == null ? "" : alias;
        version = version == null ? "" : version;
    }

    /** The figures as the telemetry port counts them: throttled calls are failed requests too. */
    public TrafficStats stats(Duration window) {
        double requests = invocations + throttles;
        double seconds = Math.max(1, window.toSeconds());
        return new TrafficStats(requests / seconds, requests == 0 ? 0 : (errors + throttles) / requests, p95Millis);
    }

    /** This row added to {@code other} of the same function: counts summed, the slower p95 kept. */
    LambdaMetric plus(LambdaMetric other) {
        double p95 = Double.isNaN(p95Millis) ? other.p95Millis
                : Double.isNaN(other.p95Millis) ? p95Millis : Math.max(p95Millis, other.p95Millis);
        return new LambdaMetric(function, alias.equals(other.alias) ? alias : "", version.equals(other.version) ? version : "",
                invocations + other.invocations, errors + other.errors, throttles + other.throttles, p95);
    }
}
