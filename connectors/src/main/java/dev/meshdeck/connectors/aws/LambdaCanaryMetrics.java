package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.canary.CanaryMetrics;
import dev.meshdeck.core.canary.IntervalMetrics;
import dev.meshdeck.core.canary.VersionFigures;
import dev.meshdeck.core.telemetry.TelemetryException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * A Lambda canary's figures from CloudWatch: Invocations, Errors, Throttles and Duration p95/p99 of each version
 * behind the alias ({@code Resource = function:alias}, {@code ExecutedVersion}), over the whole minutes the interval
 * touches (Lambda's metrics have one-minute resolution, so on AWS an interval under a minute re-reads the same
 * minute). Throttled calls count as failed, as for the telemetry port.
 */
public final class LambdaCanaryMetrics implements CanaryMetrics {

    private static final int PERIOD_SECONDS = 60;
    private static final String[][] METRICS = {{"Invocations", "Sum"}, {"Errors", "Sum"}, {"Throttles", "Sum"},
        {"Duration", "p95"}, {"Duration", "p99"}};

    private final AwsSettings settings;
    private final String region;
    private final AwsClients clients;
    private final String function;
    private final String alias;
    private final String candidate;
    private final List<String> stable;

    public LambdaCanaryMetrics(AwsSettings settings, String region, String function, String alias, String candidate,
                               List<String> stable) {
        this.settings = settings;
        this.region = region;
        this.clients = new AwsClients(settings);
        this.function = function;
        this.alias = alias;
        this.candidate = candidate;
        this.stable = List.copyOf(stable);
    }

    @Override
    public IntervalMetrics measure(Instant from, Instant to) throws TelemetryException {
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        Instant end = to.truncatedTo(ChronoUnit.MINUTES).plusSeconds(PERIOD_SECONDS);
        List<String> versions = new ArrayList<>();
        versions.add(candidate);
        versions.addAll(stable);
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int v = 0; v < versions.size(); v++) {
            for (int m = 0; m < METRICS.length; m++) {
                queries.add(query("v" + v + "_" + m, versions.get(v), METRICS[m]));
            }
        }
        Map<String, List<Double>> values = new HashMap<>();
        try {
            clients.cloudWatch(region).getMetricDataPaginator(r -> r.startTime(start).endTime(end).metricDataQueries(queries))
                    .metricDataResults().forEach(result -> values.computeIfAbsent(result.id(), id -> new ArrayList<>())
                            .addAll(result.values()));
        } catch (SdkException e) {
            throw new TelemetryException(AwsFailureMessage.explain(e, settings, region, AwsService.CLOUDWATCH), e);
        }
        VersionFigures stableFigures = VersionFigures.NONE;
        for (int v = 1; v < versions.size(); v++) {
            stableFigures = plus(stableFigures, figures(values, v));
        }
        return new IntervalMetrics(figures(values, 0), stableFigures);
    }

    private MetricDataQuery query(String id, String version, String[] metric) {
        List<Dimension> dimensions = List.of(Dimension.builder().name("FunctionName").value(function).build(),
                Dimension.builder().name("Resource").value(function + ":" + alias).build(),
                Dimension.builder().name("ExecutedVersion").value(version).build());
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s.period(PERIOD_SECONDS).stat(metric[1])
                .metric(m -> m.namespace(CloudWatchTelemetry.NAMESPACE).metricName(metric[0]).dimensions(dimensions))).build();
    }

    private static VersionFigures figures(Map<String, List<Double>> values, int version) {
        String id = "v" + version + "_";
        double invocations = CloudWatchTelemetry.sum(values, id + 0);
        double throttles = CloudWatchTelemetry.sum(values, id + 2);
        // the slowest minute's percentile: conservative, as CloudWatch answers one per period
        return new VersionFigures(invocations + throttles, CloudWatchTelemetry.sum(values, id + 1) + throttles,
                CloudWatchTelemetry.max(values, id + 3), CloudWatchTelemetry.max(values, id + 4));
    }

    /** Two versions together: counts summed, the slower percentile kept (CloudWatch cannot merge percentiles). */
    private static VersionFigures plus(VersionFigures a, VersionFigures b) {
        return new VersionFigures(a.requests() + b.requests(), a.failed() + b.failed(), slower(a.p95Millis(), b.p95Millis()),
                slower(a.p99Millis(), b.p99Millis()));
    }

    private static double slower(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    @Override
    public void close() {
        clients.close();
    }
}
