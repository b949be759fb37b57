package dev.meshdeck.sandbox.lambda;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS/Lambda metrics the sandbox makes up. Every figure is a function of the function, alias, version and
 * time alone, so runs repeat; and every figure follows the aliases' weights as they are now, so moving a canary
 * moves the per-version invocations at once (the sandbox keeps no past: earlier periods move too).
 * <p>
 * The dimension sets are Lambda's own: {@code FunctionName}; {@code FunctionName, Resource} (Resource is
 * {@code function:alias}, or the bare function name for unqualified calls); and
 * {@code FunctionName, Resource, ExecutedVersion} for the versions behind an alias.
 */
final class SimulatedLambdaMetrics {

    static final String NAMESPACE = "AWS/Lambda";
    static final String FUNCTION_NAME = "FunctionName";
    static final String RESOURCE = "Resource";
    static final String EXECUTED_VERSION = "ExecutedVersion";

    /** Versions carrying less than this share of a series do not set its p95. */
    private static final double P95_MIN_SHARE = 0.05;
    private static final double BASE_THROTTLE_RATIO = 0.002;
    private static final Set<String> PRODUCTION_ALIASES = Set.of("live", "prod", "production");

    private SimulatedLambdaMetrics() {
    }

    /**
     * The statistic {@code stat} of {@code metric} over the period starting at {@code start}, or empty when the
     * sandbox has no such series (unknown function, metric, statistic or dimension set), as CloudWatch answers
     * a query that matches nothing with no datapoints.
     */
    static Optional<Double> value(FunctionTraffic fn, Map<String, String> dimensions, String metric, String stat,
                                  Instant start, int periodSeconds) {
        Optional<List<Part>> parts = parts(fn, dimensions);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        double wave = 1 + 0.2 * Math.sin(2 * Math.PI * start.getEpochSecond() / 3600.0 + hash(fn.latest().name()) % 7);
        double throttleRatio = fn.reservedConcurrency() != null && fn.reservedConcurrency() == 0 ? 1 : BASE_THROTTLE_RATIO;
        double invocations = 0;
        double errors = 0;
        double throttles = 0;
        for (Part part : parts.get()) {
            double calls = part.perSecond() * wave * periodSeconds;
            invocations += calls * (1 - throttleRatio);
            throttles += calls * throttleRatio;
            errors += calls * (1 - throttleRatio) * errorRatio(fn, part.version());
        }
        return switch (metric) {
            case "Invocations" -> count(stat, invocations);
            case "Errors" -> count(stat, errors);
            case "Throttles" -> count(stat, throttles);
            case "Duration" -> invocations < 1 ? Optional.empty() : duration(fn, parts.get(), stat);
            default -> Optional.empty();
        };
    }

    /** Calls per second by executed version, over every alias and unqualified calls (what the logs record). */
    static Map<String, Double> perSecondByVersion(FunctionTraffic fn) {
        Map<String, Double> rates = new java.util.TreeMap<>();
        parts(fn, Map.of(FUNCTION_NAME, fn.latest().name())).orElse(List.of())
                .forEach(p -> rates.merge(p.version(), p.perSecond(), Double::sum));
        return rates;
    }

    static double errorRatioOf(FunctionTraffic fn, String version) {
        return errorRatio(fn, version);
    }

    static double p95MillisOf(FunctionTraffic fn, String version) {
        return p95Millis(fn, version);
    }

    /** The traffic a dimension set selects: calls per second, per executed version. */
    private static Optional<List<Part>> parts(FunctionTraffic fn, Map<String, String> dimensions) {
        String name = fn.latest().name();
        String resource = dimensions.get(RESOURCE);
        String executed = dimensions.get(EXECUTED_VERSION);
        if (!name.equals(dimensions.get(FUNCTION_NAME)) || dimensions.size() != 1 + (resource == null ? 0 : 1)
                + (executed == null ? 0 : 1) || executed != null && resource == null) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        if (resource == null || resource.equals(name)) {
            parts.add(new Part(FunctionConfig.LATEST, unqualifiedPerSecond(fn)));
        }
        for (Alias alias : fn.aliases()) {
            if (resource == null || resource.equals(name + ":" + alias.name())) {
                double perSecond = aliasPerSecond(fn, alias);
                double extra = alias.additionalWeights().values().stream().mapToDouble(Double::doubleValue).sum();
                parts.add(new Part(alias.functionVersion(), perSecond * (1 - extra)));
                alias.additionalWeights().forEach((version, weight) -> parts.add(new Part(version, perSecond * weight)));
            }
        }
        if (executed != null) {
            parts.removeIf(p -> !p.version().equals(executed));
        }
        return Optional.of(parts);
    }

    private static double unqualifiedPerSecond(FunctionTraffic fn) {
        if (!"Active".equals(fn.latest().state())) {
            return 0;
        }
        return fn.aliases().isEmpty() ? 1 + hash(fn.latest().name()) % 5 : 0.2;
    }

    /** Production aliases carry ten times the traffic of the others (staging, beta, ...). */
    private static double aliasPerSecond(FunctionTraffic fn, Alias alias) {
        if (!"Active".equals(fn.latest().state())) {
            return 0;
        }
        double base = 1 + hash(fn.latest().name() + ":" + alias.name()) % 20;
        return PRODUCTION_ALIASES.contains(alias.name()) ? base * 10 : base;
    }

    private static double errorRatio(FunctionTraffic fn, String version) {
        // 0.1 % to 0.6 % (with throttles under 1 %): every seeded version passes a canary's default 99 % success rate
        return 0.001 + hash(fn.latest().name() + "/" + version) % 6 / 1000.0;
    }

    private static double p95Millis(FunctionTraffic fn, String version) {
        return Math.min(fn.latest().timeout() * 1000.0, 40 + hash(fn.latest().name() + "#" + version) % 500);
    }

    private static Optional<Double> count(String stat, double value) {
        return stat.equals("Sum") || stat.equals("SampleCount") ? Optional.of((double) Math.round(value)) : Optional.empty();
    }

    /** Percentiles scale from the p95 of the slowest version carrying a real share; Average is an invocations mean. */
    private static Optional<Double> duration(FunctionTraffic fn, List<Part> parts, String stat) {
        double total = parts.stream().mapToDouble(Part::perSecond).sum();
        double p95 = parts.stream().filter(p -> p.perSecond() >= total * P95_MIN_SHARE)
                .mapToDouble(p -> p95Millis(fn, p.version())).max().orElse(Double.NaN);
        double mean = parts.stream().mapToDouble(p -> p.perSecond() * p95Millis(fn, p.version()) * 0.6).sum() / total;
        if (stat.matches("p\\d{1,2}(\\.\\d+)?")) {
            double percentile = Double.parseDouble(stat.substring(1));
            return Optional.of(Math.round(p95 * Math.pow(percentile / 95.0, 2) * 100) / 100.0);
        }
        return switch (stat) {
            case "Average" -> Optional.of(Math.round(mean * 100) / 100.0);
            case "Maximum" -> Optional.of(p95 * 1.5);
            case "Minimum" -> Optional.of(Math.max(1, p95 * 0.1));
            default -> Optional.empty();
        };
    }

    /** A stable, non-negative hash: String.hashCode is specified, so the estate looks the same on every machine. */
    private static long hash(String text) {
        return Integer.toUnsignedLong(text.hashCode());
    }

    private record Part(String version, double perSecond) {
    }
}
