package dev.meshdeck.app.cli;

import dev.meshdeck.core.canary.CanaryPlan;
import dev.meshdeck.core.canary.LatencyLimit;
import dev.meshdeck.core.canary.NamespacePlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ParameterException;

/** A canary plan as options; what is not given comes from the namespace's saved plan, else Flagger's defaults. */
final class CanaryPlanOptions {

    private static final Set<String> PLAN_OPTIONS = Set.of("--steps", "--step-weight", "--max-weight", "--interval",
            "--success-rate", "--p99", "--p95", "--no-latency-check", "--vs-stable", "--min-requests", "--threshold",
            "--pause-before", "--confirm-promotion");

    @Option(names = "--steps", split = ",", paramLabel = "W,W,...",
            description = "The candidate's weight at each step, rising, each below 100 (default: 10,20,30,40,50).")
    List<Integer> steps = new ArrayList<>();

    @Option(names = "--step-weight", paramLabel = "N", description = "Flagger's stepWeight: steps of N up to --max-weight.")
    Integer stepWeight;

    @Option(names = "--max-weight", paramLabel = "N", defaultValue = "50", description = "Flagger's maxWeight (default: ${DEFAULT-VALUE}).")
    int maxWeight;

    @Option(names = "--interval", defaultValue = "1m", paramLabel = "DURATION",
            description = "How long each step is watched before it is judged: 10s, 1m, ... (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--success-rate", defaultValue = "99", paramLabel = "PERCENT",
            description = "The candidate's least share of non-5xx requests per interval (default: ${DEFAULT-VALUE}).")
    double successRate;

    @ArgGroup(exclusive = true)
    Latency latency = new Latency();

    static final class Latency {
        @Option(names = "--p99", paramLabel = "DURATION", description = "Most p99 latency per interval: 500ms, 1s (default: 500ms).")
        String p99;

        @Option(names = "--p95", paramLabel = "DURATION", description = "Check p95 instead of p99.")
        String p95;

        @Option(names = "--no-latency-check", description = "Judge the success rate only.")
        boolean none;
    }

    @Option(names = "--vs-stable", paramLabel = "PERCENT",
            description = "Also fail an interval when the candidate is worse than the stable version by more than this:"
                    + " success rate points under it, latency share over it.")
    Double vsStable;

    @Option(names = "--min-requests", defaultValue = "10", paramLabel = "N",
            description = "Fewer candidate requests in an interval fail it: no traffic is not success (default: ${DEFAULT-VALUE}).")
    long minRequests;

    @Option(names = "--threshold", defaultValue = "5", paramLabel = "N",
            description = "Failed checks that abort the run (default: ${DEFAULT-VALUE}).")
    int threshold;

    @Option(names = "--pause-before", split = ",", paramLabel = "W",
            description = "Manual gates: hold before these step weights until `canary resume`.")
    List<Integer> pauseBefore = new ArrayList<>();

    @Option(names = "--confirm-promotion", negatable = true,
            description = "Wait for `canary promote` after the last step instead of promoting.")
    boolean confirmPromotion;

    /** The plan of these options over Flagger's defaults. */
    CanaryPlan plan(CommandSpec spec) {
        return plan(spec, CanaryPlan.defaults());
    }

    /**
     * The plan: {@code base} (a namespace's saved plan, or the defaults) with every option given on the command line
     * over it; an option not given keeps the base's value, not the option's default.
     */
    CanaryPlan plan(CommandSpec spec, CanaryPlan base) {
        ParseResult given = spec.commandLine().getParseResult();
        try {
            List<Integer> weights = !steps.isEmpty() ? steps
                    : stepWeight != null ? CanaryPlan.linearSteps(stepWeight, maxWeight) : base.steps();
            return new CanaryPlan(weights,
                    given.hasMatchedOption("--interval") ? DurationText.parse("--interval", interval) : base.interval(),
                    given.hasMatchedOption("--success-rate") ? successRate : base.minSuccessRatePercent(),
                    latency.p99 != null || latency.p95 != null || latency.none ? latencyLimit() : base.latency(),
                    vsStable != null ? vsStable : base.stableTolerancePercent(),
                    given.hasMatchedOption("--min-requests") ? minRequests : base.minRequests(),
                    given.hasMatchedOption("--threshold") ? threshold : base.threshold(),
                    given.hasMatchedOption("--pause-before") ? new HashSet<>(pauseBefore) : base.pauseBefore(),
                    given.hasMatchedOption("--confirm-promotion") ? confirmPromotion : base.confirmPromotion());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Which plan options were given on the command line, as typed: "--steps, --interval". */
    List<String> given(CommandSpec spec) {
        return spec.commandLine().getParseResult().matchedOptions().stream()
                .map(o -> o.longestName())
                .filter(PLAN_OPTIONS::contains)
                .distinct().toList();
    }

    /** "ConfigMap serverless/meshdeck-canary-plan, with --interval from the command line", or "defaults" alike. */
    String source(CommandSpec spec, String base) {
        List<String> options = given(spec);
        return options.isEmpty() ? base : base + ", with " + String.join(", ", options) + " from the command line";
    }

    private LatencyLimit latencyLimit() {
        if (latency.none) {
            return null;
        }
        if (latency.p95 != null) {
            return new LatencyLimit(LatencyLimit.Percentile.P95, duration("--p95", latency.p95));
        }
        return latency.p99 == null ? CanaryPlan.DEFAULT_LATENCY
                : new LatencyLimit(LatencyLimit.Percentile.P99, duration("--p99", latency.p99));
    }

    private static Duration duration(String option, String text) {
        try {
            return NamespacePlan.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + text + ": give a latency such as 500ms or 1s");
        }
    }
}
