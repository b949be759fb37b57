package dev.meshdeck.connectors.prometheus;

import java.time.Duration;

/**
 * Kiali's query shapes over Istio's standard metrics, as reported by the destination's proxy: request rates by
 * edge, version and response code, and p95 latency from the duration histogram.
 */
final class IstioQueries {

    static final String SOURCE_NAMESPACE = "source_workload_namespace";
    static final String SOURCE_SERVICE = "source_canonical_service";
    static final String DESTINATION_NAMESPACE = "destination_service_namespace";
    static final String DESTINATION_SERVICE = "destination_canonical_service";
    static final String DESTINATION_VERSION = "destination_canonical_revision";
    static final String RESPONSE_CODE = "response_code";
    static final String GRPC_STATUS = "grpc_response_status";

    private static final String EDGE = String.join(",", SOURCE_NAMESPACE, SOURCE_SERVICE, DESTINATION_NAMESPACE,
            DESTINATION_SERVICE);
    private static final String NODE = String.join(",", DESTINATION_NAMESPACE, DESTINATION_SERVICE);

    private IstioQueries() {
    }

    /** Request rate per edge, destination version and response (HTTP code and gRPC status). */
    static String requestRates(Duration window) {
        return "sum(rate(istio_requests_total{reporter=\"destination\"}[" + range(window) + "])) by ("
                + EDGE + "," + DESTINATION_VERSION + "," + RESPONSE_CODE + "," + GRPC_STATUS + ")";
    }

    /** p95 per edge and destination version. */
    static String p95ByVersion(Duration window) {
        return p95(window, EDGE + "," + DESTINATION_VERSION);
    }

    /** p95 per edge, summed over destination versions. */
    static String p95ByEdge(Duration window) {
        return p95(window, EDGE);
    }

    /** p95 of everything a destination received. */
    static String p95ByNode(Duration window) {
        return p95(window, NODE);
    }

    private static String p95(Duration window, String by) {
        return "histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket{reporter=\"destination\"}["
                + range(window) + "])) by (le," + by + "))";
    }

    /** PromQL range in whole seconds (at least 1s). */
    static String range(Duration window) {
        return Math.max(1, window.toSeconds()) + "s";
    }
}
