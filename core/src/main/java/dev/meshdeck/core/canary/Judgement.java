package dev.meshdeck.core.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict on one interval: every check of the plan against the interval's figures. It passes when every
 * check passes; too few requests fail it, so an interval without traffic never promotes anything.
 *
 * @param problem why there are no figures (the telemetry did not answer), or null
 */
public record Judgement(List<CheckResult> checks, String problem) {

    public Judgement {
        checks = List.copyOf(checks);
    }

    public static Judgement of(CanaryPlan plan, IntervalMetrics metrics) {
        VersionFigures candidate = metrics.candidate();
        VersionFigures stable = metrics.stable();
        List<CheckResult> checks = new ArrayList<>();
        checks.add(CheckResult.of(CheckResult.Check.REQUESTS, candidate.requests(), plan.minRequests()));
        checks.add(CheckResult.of(CheckResult.Check.SUCCESS_RATE, candidate.successRatePercent(), plan.minSuccessRatePercent()));
        LatencyLimit latency = plan.latency();
        if (latency != null) {
            checks.add(CheckResult.of(CheckResult.Check.LATENCY, candidate.latencyMillis(latency.percentile()), latency.maxMillis()));
        }
        Double tolerance = plan.stableTolerancePercent();
        if (tolerance != null) {
            checks.add(CheckResult.of(CheckResult.Check.SUCCESS_RATE_VS_STABLE, candidate.successRatePercent(),
                    stable.successRatePercent() - tolerance));
            if (latency != null) {
                checks.add(CheckResult.of(CheckResult.Check.LATENCY_VS_STABLE, candidate.latencyMillis(latency.percentile()),
                        stable.latencyMillis(latency.percentile()) * (1 + tolerance / 100)));
            }
        }
        return new Judgement(checks, null);
    }

    /** The telemetry could not be read: a failed check, never a pass. */
    public static Judgement unmeasured(String problem) {
        return new Judgement(List.of(), problem);
    }

    public boolean passed() {
        return problem == null && checks.stream().allMatch(CheckResult::passed);
    }

    /** One line for the history and the terminal: every check, failed ones marked. */
    public String summary(CanaryPlan plan) {
        if (problem != null) {
            return "no metrics: " + problem;
        }
        String percentile = plan.latency() == null ? "" : plan.latency().percentile().label();
        return checks.stream().map(c -> c.text(percentile)).collect(Collectors.joining(", "));
    }
}
