package dev.meshdeck.core.editing.forms;

import static dev.meshdeck.core.editing.forms.FieldSpec.duration;
import static dev.meshdeck.core.editing.forms.FieldSpec.flag;
import static dev.meshdeck.core.editing.forms.FieldSpec.integer;

import dev.meshdeck.core.resilience.ConnectionPool;
import dev.meshdeck.core.routing.IstioDuration;
import java.util.List;

/**
 * Every field of a DestinationRule's {@code connectionPool} and {@code outlierDetection}, with what it does,
 * Istio's default and a sane range. Keys are paths inside {@code trafficPolicy}.
 */
final class CircuitBreakerFields {

    private static final IstioDuration MS = IstioDuration.ofMillis(1);
    private static final IstioDuration SECOND = IstioDuration.ofSeconds(1);
    private static final IstioDuration HUNDRED_MS = IstioDuration.ofMillis(100);
    private static final IstioDuration HOUR = IstioDuration.ofSeconds(3600);
    private static final IstioDuration DAY = IstioDuration.ofSeconds(86_400);

    static final List<FieldSpec> ALL = List.of(
            integer("connectionPool.tcp.maxConnections", "Max connections", "connections", 1, 100_000, 10,
                    "Most HTTP/1.1 or TCP connections each client sidecar opens to the destination. Requests beyond "
                            + "it queue (HTTP/1.1) or fail fast with a 503 once the queue is full. Istio's default: "
                            + "2^32-1, effectively unlimited."),
            duration("connectionPool.tcp.connectTimeout", "Connect timeout", MS, IstioDuration.ofSeconds(60), HUNDRED_MS,
                    "How long a new TCP connection may take to establish before the attempt fails (and may be "
                            + "retried). Istio's default: 10s."),
            duration("connectionPool.tcp.idleTimeout", "TCP idle timeout", MS, DAY, SECOND,
                    "A connection with no bytes sent or received for this long is closed. 0s disables the timeout. "
                            + "Istio's default: 1h."),
            duration("connectionPool.tcp.maxConnectionDuration", "Max connection duration", MS, DAY, SECOND,
                    "Connections older than this are drained and closed, so load spreads onto new endpoints. "
                            + "Istio's default: no limit."),
            integer("connectionPool.tcp.tcpKeepalive.probes", "Keepalive probes", "probes", 1, 100, 1,
                    "Unanswered TCP keepalive probes before the connection is considered dead. Setting any keepalive "
                            + "field turns SO_KEEPALIVE on. Istio's default: the OS setting (9 on Linux)."),
            duration("connectionPool.tcp.tcpKeepalive.time", "Keepalive idle time", SECOND, DAY, SECOND,
                    "How long a connection must be idle before keepalive probes start. Istio's default: the OS "
                            + "setting (7200s on Linux)."),
            duration("connectionPool.tcp.tcpKeepalive.interval", "Keepalive interval", SECOND, HOUR, SECOND,
                    "Time between keepalive probes. Istio's default: the OS setting (75s on Linux)."),
            integer("connectionPool.http.http1MaxPendingRequests", "Max pending requests", "requests", 1, 100_000, 10,
                    "Requests queued while waiting for a free connection; once full, new requests fail fast with a "
                            + "503 (UO flag in access logs). Applies to HTTP/1.1 and HTTP/2. Istio's default: 2^32-1."),
            integer("connectionPool.http.http2MaxRequests", "Max active requests", "requests", 1, 1_000_000, 10,
                    "Most requests in flight to the destination at once, over all connections (HTTP/1.1 and HTTP/2). "
                            + "Istio's default: 2^32-1."),
            integer("connectionPool.http.maxRequestsPerConnection", "Max requests per connection", "requests", 0,
                    536_870_912, 1,
                    "Requests sent over one connection before it is closed and replaced; 1 disables keep-alive, 0 "
                            + "means unlimited. Istio's default: 0 (unlimited)."),
            integer("connectionPool.http.maxRetries", "Max concurrent retries", "retries", 0, 100_000, 1,
                    "Retries that may be outstanding to all endpoints of the destination at once; caps retry storms "
                            + "during an outage. Istio's default: 2^32-1."),
            duration("connectionPool.http.idleTimeout", "HTTP idle timeout", MS, DAY, SECOND,
                    "An upstream connection with no active request for this long is closed. Istio's default: 1h."),
            FieldSpec.choice("connectionPool.http.h2UpgradePolicy", "HTTP/2 upgrade",
                    FieldSpec.names(ConnectionPool.H2UpgradePolicy.values()),
                    "Whether HTTP/1.1 connections to the destination are upgraded to HTTP/2. Istio's default: "
                            + "DEFAULT, which follows the mesh setting (no upgrade unless enabled mesh-wide)."),
            flag("connectionPool.http.useClientProtocol", "Use client protocol",
                    "Keep the client's HTTP version towards the destination (overrides the upgrade policy). Istio's "
                            + "default: false."),
            integer("connectionPool.http.maxConcurrentStreams", "Max concurrent HTTP/2 streams", "streams", 1,
                    2_147_483_647L, 10,
                    "Concurrent streams allowed on one HTTP/2 connection to the destination. Istio's default: 2^31-1."),
            duration("connectionPool.http.http2KeepAlive.interval", "HTTP/2 ping interval", SECOND, HOUR, SECOND,
                    "Send an HTTP/2 PING on idle upstream connections at this interval to detect dead peers. "
                            + "Istio's default: no pings."),
            duration("connectionPool.http.http2KeepAlive.timeout", "HTTP/2 ping timeout", MS, IstioDuration.ofSeconds(300),
                    HUNDRED_MS,
                    "Close the connection when a PING gets no answer within this time. Istio's default: Envoy's "
                            + "default (3s) when pings are on."),
            integer("outlierDetection.consecutive5xxErrors", "Consecutive 5xx errors", "errors", 1, 1000, 1,
                    "An endpoint returning this many 5xx responses (or connection failures) in a row is ejected from "
                            + "the pool. Clear the field for Istio's default: 5."),
            integer("outlierDetection.consecutiveGatewayErrors", "Consecutive gateway errors", "errors", 0, 1000, 1,
                    "Ejects an endpoint after this many 502, 503 or 504 responses in a row; 0 disables. Istio's "
                            + "default: 0 (disabled)."),
            integer("outlierDetection.consecutiveLocalOriginFailures", "Consecutive local-origin failures", "failures",
                    0, 1000, 1,
                    "Ejects an endpoint after this many locally originated failures (timeouts, resets, refused "
                            + "connections) in a row. Only used when local-origin errors are split. Istio's default: 5."),
            integer("outlierDetection.consecutiveErrors", "Consecutive errors (deprecated)", "errors", 1, 1000, 1,
                    "Deprecated by Istio: use consecutive 5xx errors instead. Kept so objects that still set it can "
                            + "be edited. Istio's default: unset."),
            flag("outlierDetection.splitExternalLocalOriginErrors", "Split local-origin errors",
                    "Count locally originated failures (connect errors, timeouts) apart from the HTTP status the "
                            + "endpoint returned. Istio's default: false."),
            duration("outlierDetection.interval", "Analysis interval", MS, HOUR, SECOND,
                    "How often endpoints are checked for ejection. Istio's default: 10s."),
            duration("outlierDetection.baseEjectionTime", "Base ejection time", MS, HOUR, SECOND,
                    "How long an ejected endpoint stays out; each further ejection multiplies it. Istio's default: 30s."),
            integer("outlierDetection.maxEjectionPercent", "Max ejection", "%", 0, 100, 5,
                    "Highest share of the pool's endpoints that may be ejected at once. Istio's default: 10%."),
            integer("outlierDetection.minHealthPercent", "Min healthy", "%", 0, 100, 5,
                    "Outlier detection switches off while fewer than this share of endpoints is healthy, so traffic "
                            + "spreads over all of them. 0 keeps it always on. Istio's default: 0%."),
            FieldSpec.integers("outlierDetection.outlierDetectionHttpErrorCodes", "Error status codes", "HTTP status",
                    100, 599,
                    "HTTP status codes counted as errors for ejection, comma-separated (e.g. 500, 503). Istio's "
                            + "default: every 5xx."));

    private CircuitBreakerFields() {
    }

    static FieldSpec spec(String key) {
        for (FieldSpec f : ALL) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no circuit-breaker field '" + key + "'; the fields are "
                + ALL.stream().map(FieldSpec::key).toList());
    }
}
