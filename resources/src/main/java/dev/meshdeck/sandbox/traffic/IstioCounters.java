package dev.meshdeck.sandbox.traffic;

import dev.meshdeck.core.monitoring.evaluation.Sample;
import dev.meshdeck.core.telemetry.ServiceRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cumulative {@code istio_requests_total} and {@code istio_request_duration_milliseconds} series, grown by
 * flows over elapsed time, and rendered in Prometheus' text exposition format as Istio's proxies report them:
 * once by the destination's proxy and once by the source's (requests leaving the mesh only by the source's).
 */
final class IstioCounters {

    /** How failures answer: most 5xx of a function are 503 (overload, no healthy upstream), some 500. */
    private static final Map<String, Double> ERROR_CODES = Map.of("503", 0.7, "500", 0.3);
    private static final List<String> BOUNDS = LatencyBuckets.BOUNDS.stream().map(IstioCounters::number).toList();

    private final Map<Series, Tally> series = new LinkedHashMap<>();

    /** One label set apart from the reporter. */
    private record Series(ServiceRef source, String sourceWorkload, ServiceRef destination, String serviceHost,
                          String destinationWorkload, String version, boolean external, String responseCode) {
    }

    private static final class Tally {
        double count;
        double sumMillis;
        final double[] buckets = new double[LatencyBuckets.BOUNDS.size()];

        void add(double requests, ResponseProfile profile, double[] shares) {
            count += requests;
            sumMillis += requests * profile.meanMillis();
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] += requests * shares[i];
            }
        }
    }

    void add(Flow flow, double seconds) {
        double requests = flow.rps() * seconds;
        if (requests <= 0) {
            return;
        }
        double[] shares = LatencyBuckets.sharesWithin(flow.profile());
        double errors = flow.profile().errorRatio();
        tally(flow, "200").add(requests * (1 - errors), flow.profile(), shares);
        ERROR_CODES.forEach((code, share) -> tally(flow, code).add(requests * errors * share, flow.profile(), shares));
    }

    private Tally tally(Flow flow, String code) {
        RoutedVersion to = flow.to();
        // outside the mesh the caller sees a host, not the versions behind it
        Series key = to.external()
                ? new Series(flow.source(), flow.sourceWorkload(), to.destination(), to.serviceHost(), "unknown", "unknown", true, code)
                : new Series(flow.source(), flow.sourceWorkload(), to.destination(), to.serviceHost(), to.workload(),
                        to.version(), false, code);
        return series.computeIfAbsent(key, k -> new Tally());
    }

    /** The series as a scrape would read them: a sample per reporter, bucket, sum and count. */
    List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        forEachReport((labels, tally) -> {
            out.add(sample("istio_requests_total", labels, null, tally.count));
            for (int i = 0; i < BOUNDS.size(); i++) {
                out.add(sample("istio_request_duration_milliseconds_bucket", labels, BOUNDS.get(i), tally.buckets[i]));
            }
            out.add(sample("istio_request_duration_milliseconds_bucket", labels, "+Inf", tally.count));
            out.add(sample("istio_request_duration_milliseconds_sum", labels, null, tally.sumMillis));
            out.add(sample("istio_request_duration_milliseconds_count", labels, null, tally.count));
        });
        return out;
    }

    private static Sample sample(String name, Map<String, String> labels, String le, double value) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(Sample.NAME, name);
        if (le != null) {
            all.put("le", le);
        }
        return new Sample(all, value);
    }

    String render() {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("# HELP istio_requests_total Total requests.\n# TYPE istio_requests_total counter\n");
        forEachReport((labels, tally) -> out.append("istio_requests_total{").append(text(labels)).append("} ")
                .append(number(tally.count)).append('\n'));
        out.append("# HELP istio_request_duration_milliseconds Request duration in milliseconds.\n")
                .append("# TYPE istio_request_duration_milliseconds histogram\n");
        forEachReport((map, tally) -> {
            String labels = text(map);
            for (int i = 0; i < BOUNDS.size(); i++) {
                bucket(out, labels, BOUNDS.get(i), tally.buckets[i]);
            }
            bucket(out, labels, "+Inf", tally.count);
            out.append("istio_request_duration_milliseconds_sum{").append(labels).append("} ")
                    .append(number(tally.sumMillis)).append('\n');
            out.append("istio_request_duration_milliseconds_count{").append(labels).append("} ")
                    .append(number(tally.count)).append('\n');
        });
        return out.toString();
    }

    private interface Report {
        void accept(Map<String, String> labels, Tally tally);
    }

    private void forEachReport(Report report) {
        series.forEach((s, tally) -> {
            if (!s.external()) {
                report.accept(labels(s, "destination", "mutual_tls"), tally);
            }
            report.accept(labels(s, "source", "unknown"), tally);
        });
    }

    private static void bucket(StringBuilder out, String labels, String le, double value) {
        out.append("istio_request_duration_milliseconds_bucket{").append(labels).append(",le=\"").append(le)
                .append("\"} ").append(number(value)).append('\n');
    }

    private static Map<String, String> labels(Series s, String reporter, String security) {
        String unknownIfExternal = s.external() ? "unknown" : s.destination().namespace();
        Map<String, String> b = new LinkedHashMap<>();
        b.put("reporter", reporter);
        b.put("source_workload", s.sourceWorkload());
        b.put("source_workload_namespace", s.source().namespace());
        b.put("source_canonical_service", s.source().service());
        b.put("destination_workload", s.destinationWorkload());
        b.put("destination_workload_namespace", unknownIfExternal);
        b.put("destination_service", s.external() ? s.serviceHost()
                : s.serviceHost() + "." + s.destination().namespace() + ".svc.cluster.local");
        b.put("destination_service_name", s.serviceHost());
        b.put("destination_service_namespace", unknownIfExternal);
        b.put("destination_canonical_service", s.external() ? "unknown" : s.destination().service());
        b.put("destination_canonical_revision", s.version());
        b.put("response_code", s.responseCode());
        b.put("grpc_response_status", "");
        b.put("request_protocol", "http");
        b.put("connection_security_policy", security);
        return b;
    }

    /** Labels in the exposition format's braces, values escaped. */
    private static String text(Map<String, String> labels) {
        StringBuilder b = new StringBuilder(512);
        labels.forEach((name, value) -> {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(name).append("=\"");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '"' -> b.append("\\\"");
                    case '\n' -> b.append("\\n");
                    default -> b.append(c);
                }
            }
            b.append('"');
        });
        return b.toString();
    }

    /** Integral values without a fraction (bounds read as Istio's: 0.5, 1, 5, ...), the rest in shortest form. */
    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).toPlainString();
    }
}
