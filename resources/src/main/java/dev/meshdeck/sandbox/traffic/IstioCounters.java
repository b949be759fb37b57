package dev.meshdeck.sandbox.traffic;

import dev.meshdeck.core.telemetry.ServiceRef;
import java.math.BigDecimal;
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

    String render() {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("# HELP istio_requests_total Total requests.\n# TYPE istio_requests_total counter\n");
        forEachReport((labels, tally) -> out.append("istio_requests_total{").append(labels).append("} ")
                .append(number(tally.count)).append('\n'));
        out.append("# HELP istio_request_duration_milliseconds Request duration in milliseconds.\n")
                .append("# TYPE istio_request_duration_milliseconds histogram\n");
        forEachReport((labels, tally) -> {
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
        void accept(String labels, Tally tally);
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

    private static String labels(Series s, String reporter, String security) {
        String unknownIfExternal = s.external() ? "unknown" : s.destination().namespace();
        StringBuilder b = new StringBuilder(512);
        label(b, "reporter", reporter);
        label(b, "source_workload", s.sourceWorkload());
        label(b, "source_workload_namespace", s.source().namespace());
        label(b, "source_canonical_service", s.source().service());
        label(b, "destination_workload", s.destinationWorkload());
        label(b, "destination_workload_namespace", unknownIfExternal);
        label(b, "destination_service", s.external() ? s.serviceHost()
                : s.serviceHost() + "." + s.destination().namespace() + ".svc.cluster.local");
        label(b, "destination_service_name", s.serviceHost());
        label(b, "destination_service_namespace", unknownIfExternal);
        label(b, "destination_canonical_service", s.external() ? "unknown" : s.destination().service());
        label(b, "destination_canonical_revision", s.version());
        label(b, "response_code", s.responseCode());
        label(b, "grpc_response_status", "");
        label(b, "request_protocol", "http");
        label(b, "connection_security_policy", security);
        return b.toString();
    }

    private static void label(StringBuilder b, String name, String value) {
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
    }

    /** Integral values without a fraction (bounds read as Istio's: 0.5, 1, 5, ...), the rest in shortest form. */
    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).toPlainString();
    }
}
