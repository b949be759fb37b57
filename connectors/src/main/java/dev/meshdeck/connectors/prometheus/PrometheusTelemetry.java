package dev.meshdeck.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.core.telemetry.TrafficStats;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.meshdeck.connectors.prometheus.IstioQueries.DESTINATION_NAMESPACE;
import static dev.meshdeck.connectors.prometheus.IstioQueries.DESTINATION_SERVICE;
import static dev.meshdeck.connectors.prometheus.IstioQueries.DESTINATION_VERSION;
import static dev.meshdeck.connectors.prometheus.IstioQueries.GRPC_STATUS;
import static dev.meshdeck.connectors.prometheus.IstioQueries.RESPONSE_CODE;
import static dev.meshdeck.connectors.prometheus.IstioQueries.SOURCE_NAMESPACE;
import static dev.meshdeck.connectors.prometheus.IstioQueries.SOURCE_SERVICE;

/**
 * A mesh's observed traffic from its Prometheus, with Kiali's queries over {@code istio_requests_total} and
 * {@code istio_request_duration_milliseconds}: per edge with and without the destination version, and per node
 * (everything a service received). An error is a 5xx, or a gRPC status other than OK.
 */
public final class PrometheusTelemetry implements TelemetrySource {

    private static final String UNKNOWN = "unknown";

    private final String scope;
    private final PrometheusApi api;
    private final Clock clock;

    /**
     * @param scope the telemetry scope of the mesh this Prometheus watches: its kube context's {@code SourceRef.id()}
     */
    public PrometheusTelemetry(String scope, PrometheusApi api, Clock clock) {
        this.scope = scope;
        this.api = api;
        this.clock = clock;
    }

    public PrometheusTelemetry(String scope, PrometheusApi api) {
        this(scope, api, Clock.systemUTC());
    }

    @Override
    public String name() {
        return "prometheus " + api.describe();
    }

    /** A constant query: answered by Prometheus itself without touching its series. */
    @Override
    public boolean probe() throws TelemetryException {
        api.query("vector(1)");
        return true;
    }

    @Override
    public TelemetrySnapshot fetch(Duration window) throws TelemetryException {
        Map<EdgeKey, Rates> edges = new HashMap<>();
        Map<ServiceRef, Rates> nodes = new HashMap<>();
        for (JsonNode sample : api.query(IstioQueries.requestRates(window))) {
            JsonNode labels = sample.path("metric");
            double rate = value(sample);
            boolean error = isError(labels.path(RESPONSE_CODE).asText(), labels.path(GRPC_STATUS).asText());
            EdgeKey edge = edge(labels, true);
            edges.computeIfAbsent(edge, k -> new Rates()).add(rate, error);
            edges.computeIfAbsent(edge.withoutVersion(), k -> new Rates()).add(rate, error);
            nodes.computeIfAbsent(edge.destination(), k -> new Rates()).add(rate, error);
        }
        for (JsonNode sample : api.query(IstioQueries.p95ByVersion(window))) {
            attach(edges.get(edge(sample.path("metric"), true)), sample);
        }
        for (JsonNode sample : api.query(IstioQueries.p95ByEdge(window))) {
            attach(edges.get(edge(sample.path("metric"), false)), sample);
        }
        for (JsonNode sample : api.query(IstioQueries.p95ByNode(window))) {
            attach(nodes.get(destination(sample.path("metric"))), sample);
        }
        Map<EdgeKey, TrafficStats> edgeStats = new HashMap<>();
        edges.forEach((k, r) -> edgeStats.put(k, r.stats()));
        Map<ServiceRef, TrafficStats> nodeStats = new HashMap<>();
        nodes.forEach((k, r) -> nodeStats.put(k, r.stats()));
        return new TelemetrySnapshot(clock.instant(), edgeStats, nodeStats);
    }

    /** 5xx, or a gRPC status that is set and not OK (gRPC errors travel with HTTP 200). */
    static boolean isError(String responseCode, String grpcStatus) {
        return responseCode.startsWith("5") || !(grpcStatus.isEmpty() || grpcStatus.equals("0"));
    }

    private EdgeKey edge(JsonNode labels, boolean withVersion) {
        String sourceService = labels.path(SOURCE_SERVICE).asText();
        ServiceRef source = sourceService.isEmpty() || sourceService.equals(UNKNOWN)
                ? ServiceRef.UNKNOWN
                : new ServiceRef(scope, labels.path(SOURCE_NAMESPACE).asText(), sourceService);
        String version = labels.path(DESTINATION_VERSION).asText();
        return new EdgeKey(source, destination(labels), withVersion && !version.equals(UNKNOWN) ? version : "");
    }

    private ServiceRef destination(JsonNode labels) {
        return new ServiceRef(scope, labels.path(DESTINATION_NAMESPACE).asText(), labels.path(DESTINATION_SERVICE).asText());
    }

    private static void attach(Rates rates, JsonNode sample) {
        if (rates != null) {
            rates.p95 = value(sample);
        }
    }

    /** The value of an instant-vector sample: {@code "value": [<time>, "<number>"]}. */
    private static double value(JsonNode sample) {
        String text = sample.path("value").path(1).asText("NaN");
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static final class Rates {
        private double total;
        private double errors;
        private double p95 = Double.NaN;

        void add(double rate, boolean error) {
            total += rate;
            if (error) {
                errors += rate;
            }
        }

        TrafficStats stats() {
            return new TrafficStats(total, total > 0 ? errors / total : 0, p95);
        }
    }
}
