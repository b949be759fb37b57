package dev.meshdeck.connectors.prometheus;

import dev.meshdeck.core.canary.CanaryMetrics;
import dev.meshdeck.core.canary.IntervalMetrics;
import dev.meshdeck.core.canary.VersionFigures;
import dev.meshdeck.core.telemetry.TelemetryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A canary's figures read straight from an endpoint that exposes Istio's cumulative series (the sandbox's simulated
 * mesh, a proxy's {@code /stats/prometheus}): read at the start of an interval and at its end, the difference is
 * exactly what the interval served — what {@code increase()} would give, without a Prometheus in between.
 */
public final class IstioCounterScrape implements CanaryMetrics {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI endpoint;
    private final IstioVersion candidate;
    private final List<IstioVersion> stable;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private Map<IstioVersion, Counts> start;

    public IstioCounterScrape(URI endpoint, IstioVersion candidate, List<IstioVersion> stable) {
        this.endpoint = endpoint;
        this.candidate = candidate;
        this.stable = List.copyOf(stable);
    }

    @Override
    public void intervalStarts(Instant at) throws TelemetryException {
        start = null;
        start = scrape();
    }

    @Override
    public IntervalMetrics measure(Instant from, Instant to) throws TelemetryException {
        if (start == null) {
            throw new TelemetryException(endpoint + " was not read when the interval started, so it has no starting point");
        }
        Map<IstioVersion, Counts> end = scrape();
        Counts stableDelta = new Counts();
        for (IstioVersion v : stable) {
            stableDelta.addAll(end.get(v).minus(start.get(v)));
        }
        return new IntervalMetrics(end.get(candidate).minus(start.get(candidate)).figures(), stableDelta.figures());
    }

    private Map<IstioVersion, Counts> scrape() throws TelemetryException {
        String body;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new TelemetryException("the Istio metrics at " + endpoint + " answered HTTP " + response.statusCode());
            }
            body = response.body();
        } catch (IOException e) {
            throw new TelemetryException("cannot read the Istio metrics at " + endpoint + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelemetryException("interrupted while reading " + endpoint, e);
        }
        Map<IstioVersion, Counts> counts = new HashMap<>();
        counts.put(candidate, new Counts());
        stable.forEach(v -> counts.put(v, new Counts()));
        body.lines().forEach(line -> read(line, counts));
        return counts;
    }

    private static void read(String line, Map<IstioVersion, Counts> counts) {
        boolean requests = line.startsWith("istio_requests_total{");
        boolean bucket = line.startsWith("istio_request_duration_milliseconds_bucket{");
        if (!requests && !bucket) {
            return;
        }
        int close = line.lastIndexOf('}');
        Map<String, String> labels = ExpositionLabels.parse(line.substring(line.indexOf('{') + 1, close));
        if (!"destination".equals(labels.get("reporter"))) {
            return;
        }
        double value = Double.parseDouble(line.substring(close + 1).strip().split(" ")[0]);
        counts.forEach((version, tally) -> {
            if (version.matches(labels)) {
                if (requests) {
                    tally.requests += value;
                    if (failed(labels)) {
                        tally.failed += value;
                    }
                } else {
                    String le = labels.get("le");
                    tally.latency.add(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), value);
                }
            }
        });
    }

    /** Kiali's error: a 5xx, or a gRPC status other than OK. */
    static boolean failed(Map<String, String> labels) {
        String code = labels.getOrDefault("response_code", "");
        String grpc = labels.getOrDefault("grpc_response_status", "");
        return code.startsWith("5") || !grpc.isEmpty() && !grpc.equals("0");
    }

    /** Cumulative counts of one version. */
    private static final class Counts {
        double requests;
        double failed;
        LatencyHistogram latency = new LatencyHistogram();

        Counts minus(Counts earlier) {
            Counts delta = new Counts();
            delta.requests = Math.max(0, requests - earlier.requests);
            delta.failed = Math.max(0, failed - earlier.failed);
            delta.latency = latency.minus(earlier.latency);
            return delta;
        }

        void addAll(Counts other) {
            requests += other.requests;
            failed += other.failed;
            latency.addAll(other.latency);
        }

        VersionFigures figures() {
            return new VersionFigures(requests, failed, latency.quantile(0.95), latency.quantile(0.99));
        }
    }
}
