package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.core.telemetry.TrafficStats;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda telemetry of one account in one region from CloudWatch {@code GetMetricData}: Invocations, Errors,
 * Throttles and p95 Duration per function, per alias ({@code Resource = function:alias}) and per version behind an
 * alias ({@code ExecutedVersion}).
 * <p>
 * In a {@link TelemetrySnapshot}, scope is the Lambda source's id ({@link SourceRef.AwsRegion#id()}):
 * <ul>
 *   <li>node {@code ServiceRef(scope, "", function)}: every invocation of the function;</li>
 *   <li>edge {@code EdgeKey(ServiceRef.UNKNOWN, node, version)}: the invocations that ran that version, summed
 *   over the aliases routing to it (CloudWatch does not know the callers), and the same edge with an empty
 *   version for the function's total. Unqualified calls to {@code $LATEST} count in the totals only.</li>
 * </ul>
 */
public final class CloudWatchTelemetry implements TelemetrySource {

    static final String NAMESPACE = "AWS/Lambda";
    /** CloudWatch answers at most 500 queries per GetMetricData call. */
    static final int MAX_QUERIES = 500;
    private static final List<String[]> METRICS = List.of(new String[] {"Invocations", "Sum"},
            new String[] {"Errors", "Sum"}, new String[] {"Throttles", "Sum"}, new String[] {"Duration", "p95"});
    private static final int PERIOD_SECONDS = 60;
    /** A probe that takes longer counts as no answer: silence is to be noticed within seconds. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final AwsSettings settings;
    private final String region;
    private final AwsClients clients;
    private final String scope;

    public CloudWatchTelemetry(AwsSettings settings, String region) {
        this.settings = settings;
        this.region = region;
        this.clients = new AwsClients(settings);
        this.scope = new SourceRef.AwsRegion(LambdaCatalog.UNKNOWN_ACCOUNT, region, settings.profile()).id();
    }

    /** The scope of this source's {@link ServiceRef}s: the id of the Lambda source of the same profile and region. */
    public String scope() {
        return scope;
    }

    @Override
    public String name() {
        return "cloudwatch " + region + " " + settings.endpointLabel(AwsService.CLOUDWATCH, region);
    }

    /**
     * One ListMetrics page of the Lambda namespace: a call CloudWatch bills as an ordinary request, not per metric
     * as GetMetricData, so asking it every few seconds of silence costs next to nothing.
     */
    @Override
    public boolean probe() throws TelemetryException {
        try {
            clients.cloudWatch(region).listMetrics(r -> r.namespace(NAMESPACE).metricName("Invocations")
                    .overrideConfiguration(c -> c.apiCallTimeout(PROBE_TIMEOUT)));
            return true;
        } catch (SdkException e) {
            throw new TelemetryException(AwsFailureMessage.explain(e, settings, region, AwsService.CLOUDWATCH), e);
        }
    }

    @Override
    public TelemetrySnapshot fetch(Duration window) throws TelemetryException {
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<LambdaMetric> rows = metrics(window, null, end);
        Map<ServiceRef, TrafficStats> nodes = new HashMap<>();
        Map<EdgeKey, LambdaMetric> edges = new LinkedHashMap<>();
        for (LambdaMetric row : rows) {
            ServiceRef node = new ServiceRef(scope, "", row.function());
            if (row.alias().isEmpty()) {
                nodes.put(node, row.stats(window));
                edges.put(new EdgeKey(ServiceRef.UNKNOWN, node, ""), row);
            } else if (!row.version().isEmpty()) {
                edges.merge(new EdgeKey(ServiceRef.UNKNOWN, node, row.version()), row, LambdaMetric::plus);
            }
        }
        Map<EdgeKey, TrafficStats> edgeStats = new HashMap<>();
        edges.forEach((key, row) -> edgeStats.put(key, row.stats(window)));
        return new TelemetrySnapshot(end, edgeStats, nodes);
    }

    /**
     * Rows for every function (or only {@code function}), each followed by its aliases and the versions behind
     * them, over the whole minutes of {@code window} up to now.
     */
    public List<LambdaMetric> metrics(Duration window, String function) throws TelemetryException {
        return metrics(window, function, Instant.now().truncatedTo(ChronoUnit.MINUTES));
    }

    private List<LambdaMetric> metrics(Duration window, String function, Instant end) throws TelemetryException {
        long minutes = Math.max(1, (window.toSeconds() + PERIOD_SECONDS - 1) / PERIOD_SECONDS);
        Instant start = end.minusSeconds(minutes * PERIOD_SECONDS);
        List<LambdaMetric> keys;
        try {
            keys = series(function);
        } catch (SdkException e) {
            throw new TelemetryException(AwsFailureMessage.explain(e, settings, region, AwsService.LAMBDA), e);
        }
        try {
            List<MetricDataQuery> queries = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                for (int m = 0; m < METRICS.size(); m++) {
                    queries.add(query("q" + i + "_" + m, keys.get(i), METRICS.get(m)));
                }
            }
            Map<String, List<Double>> values = new HashMap<>();
            for (int from = 0; from < queries.size(); from += MAX_QUERIES) {
                List<MetricDataQuery> batch = queries.subList(from, Math.min(queries.size(), from + MAX_QUERIES));
                clients.cloudWatch(region).getMetricDataPaginator(r -> r.startTime(start).endTime(end)
                                .metricDataQueries(batch)).metricDataResults()
                        .forEach(result -> values.computeIfAbsent(result.id(), id -> new ArrayList<>())
                                .addAll(result.values()));
            }
            List<LambdaMetric> rows = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                LambdaMetric key = keys.get(i);
                String id = "q" + i + "_";
                rows.add(new LambdaMetric(key.function(), key.alias(), key.version(), sum(values, id + 0),
                        sum(values, id + 1), sum(values, id + 2), max(values, id + 3)));
            }
            return rows;
        } catch (SdkException e) {
            throw new TelemetryException(AwsFailureMessage.explain(e, settings, region, AwsService.CLOUDWATCH), e);
        }
    }

    /** The series to ask for, as rows without figures: each function, its aliases, the versions behind them. */
    private List<LambdaMetric> series(String only) {
        LambdaClient lambda = clients.lambda(region);
        List<String> functions = only != null ? List.of(only)
                : lambda.listFunctionsPaginator().functions().stream().map(FunctionConfiguration::functionName).toList();
        List<LambdaMetric> keys = new ArrayList<>();
        for (String function : functions) {
            keys.add(new LambdaMetric(function, "", "", 0, 0, 0, Double.NaN));
            for (AliasConfiguration alias : lambda.listAliasesPaginator(r -> r.functionName(function)).aliases()) {
                keys.add(new LambdaMetric(function, alias.name(), "", 0, 0, 0, Double.NaN));
                List<String> versions = new ArrayList<>();
                versions.add(alias.functionVersion());
                if (alias.routingConfig() != null) {
                    versions.addAll(alias.routingConfig().additionalVersionWeights().keySet());
                }
                versions.forEach(v -> keys.add(new LambdaMetric(function, alias.name(), v, 0, 0, 0, Double.NaN)));
            }
        }
        return keys;
    }

    private static MetricDataQuery query(String id, LambdaMetric key, String[] metric) {
        List<Dimension> dimensions = new ArrayList<>();
        dimensions.add(Dimension.builder().name("FunctionName").value(key.function()).build());
        if (!key.alias().isEmpty()) {
            dimensions.add(Dimension.builder().name("Resource").value(key.function() + ":" + key.alias()).build());
        }
        if (!key.version().isEmpty()) {
            dimensions.add(Dimension.builder().name("ExecutedVersion").value(key.version()).build());
        }
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s.period(PERIOD_SECONDS).stat(metric[1])
                .metric(m -> m.namespace(NAMESPACE).metricName(metric[0]).dimensions(dimensions))).build();
    }

    static double sum(Map<String, List<Double>> values, String id) {
        return values.getOrDefault(id, List.of()).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The slowest minute's p95: a conservative stand-in for the window's p95, which CloudWatch cannot merge. */
    static double max(Map<String, List<Double>> values, String id) {
        return values.getOrDefault(id, List.of()).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    @Override
    public void close() {
        clients.close();
    }
}
