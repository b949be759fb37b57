package dev.meshdeck.core.resilience;

import dev.meshdeck.core.routing.IstioDuration;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsHTTPSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsHTTPSettingsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsHTTPSettingsH2UpgradePolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsTCPSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsTCPSettingsBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The circuit breaker's volume limits: every field of Istio's {@code connectionPool}. Null means "not set,
 * Istio's default". Durations are written as Istio writes them ({@code 30s}).
 */
public record ConnectionPool(Tcp tcp, Http http) {

    /** TCP-level limits, shared by HTTP/1.1 and HTTP/2. */
    public record Tcp(Integer maxConnections, IstioDuration connectTimeout, IstioDuration idleTimeout,
                      IstioDuration maxConnectionDuration, TcpKeepalive tcpKeepalive) {

        public static Tcp maxConnections(int max) {
            return new Tcp(max, null, null, null, null);
        }

        public Tcp withConnectTimeout(IstioDuration timeout) {
            return new Tcp(maxConnections, timeout, idleTimeout, maxConnectionDuration, tcpKeepalive);
        }
    }

    /** SO_KEEPALIVE probing of idle upstream connections. */
    public record TcpKeepalive(Long probes, IstioDuration time, IstioDuration interval) {
    }

    /** HTTP/2 PING frames on upstream connections (not in fabric8's model; written as an extra field). */
    public record Http2KeepAlive(IstioDuration interval, IstioDuration timeout) {
    }

    public enum H2UpgradePolicy { DEFAULT, DO_NOT_UPGRADE, UPGRADE }

    /** HTTP-level limits. */
    public record Http(Integer http1MaxPendingRequests, Integer http2MaxRequests, Integer maxRequestsPerConnection,
                       Integer maxRetries, IstioDuration idleTimeout, H2UpgradePolicy h2UpgradePolicy,
                       Boolean useClientProtocol, Integer maxConcurrentStreams, Http2KeepAlive http2KeepAlive) {

        public static Http limits(int http1MaxPendingRequests, int maxRequestsPerConnection) {
            return new Http(http1MaxPendingRequests, null, maxRequestsPerConnection, null, null, null, null, null, null);
        }
    }

    public ConnectionPoolSettings toFabric8() {
        ConnectionPoolSettingsBuilder b = new ConnectionPoolSettingsBuilder();
        if (tcp != null) {
            ConnectionPoolSettingsTCPSettingsBuilder t = new ConnectionPoolSettingsTCPSettingsBuilder()
                    .withMaxConnections(tcp.maxConnections())
                    .withConnectTimeout(IstioDuration.format(tcp.connectTimeout()))
                    .withIdleTimeout(IstioDuration.format(tcp.idleTimeout()))
                    .withMaxConnectionDuration(IstioDuration.format(tcp.maxConnectionDuration()));
            if (tcp.tcpKeepalive() != null) {
                t.withNewTcpKeepalive()
                        .withProbes(tcp.tcpKeepalive().probes())
                        .withTime(IstioDuration.format(tcp.tcpKeepalive().time()))
                        .withInterval(IstioDuration.format(tcp.tcpKeepalive().interval()))
                        .endTcpKeepalive();
            }
            b.withTcp(t.build());
        }
        if (http != null) {
            ConnectionPoolSettingsHTTPSettingsBuilder h = new ConnectionPoolSettingsHTTPSettingsBuilder()
                    .withHttp1MaxPendingRequests(http.http1MaxPendingRequests())
                    .withHttp2MaxRequests(http.http2MaxRequests())
                    .withMaxRequestsPerConnection(http.maxRequestsPerConnection())
                    .withMaxRetries(http.maxRetries())
                    .withIdleTimeout(IstioDuration.format(http.idleTimeout()))
                    .withH2UpgradePolicy(http.h2UpgradePolicy() == null ? null
                            : ConnectionPoolSettingsHTTPSettingsH2UpgradePolicy.valueOf(http.h2UpgradePolicy().name()))
                    .withUseClientProtocol(http.useClientProtocol())
                    .withMaxConcurrentStreams(http.maxConcurrentStreams());
            if (http.http2KeepAlive() != null) {
                Map<String, Object> keepAlive = new LinkedHashMap<>();
                putIfSet(keepAlive, "interval", IstioDuration.format(http.http2KeepAlive().interval()));
                putIfSet(keepAlive, "timeout", IstioDuration.format(http.http2KeepAlive().timeout()));
                h.addToAdditionalProperties("http2KeepAlive", keepAlive);
            }
            b.withHttp(h.build());
        }
        return b.build();
    }

    public static ConnectionPool from(ConnectionPoolSettings c) {
        if (c == null) {
            return null;
        }
        Tcp tcp = null;
        ConnectionPoolSettingsTCPSettings t = c.getTcp();
        if (t != null) {
            TcpKeepalive keepalive = t.getTcpKeepalive() == null ? null : new TcpKeepalive(t.getTcpKeepalive().getProbes(),
                    IstioDuration.parse(t.getTcpKeepalive().getTime()), IstioDuration.parse(t.getTcpKeepalive().getInterval()));
            tcp = new Tcp(t.getMaxConnections(), IstioDuration.parse(t.getConnectTimeout()),
                    IstioDuration.parse(t.getIdleTimeout()), IstioDuration.parse(t.getMaxConnectionDuration()), keepalive);
        }
        Http http = null;
        ConnectionPoolSettingsHTTPSettings h = c.getHttp();
        if (h != null) {
            Http2KeepAlive keepAlive = null;
            if (h.getAdditionalProperties().get("http2KeepAlive") instanceof Map<?, ?> m) {
                keepAlive = new Http2KeepAlive(IstioDuration.parse((String) m.get("interval")),
                        IstioDuration.parse((String) m.get("timeout")));
            }
            http = new Http(h.getHttp1MaxPendingRequests(), h.getHttp2MaxRequests(), h.getMaxRequestsPerConnection(),
                    h.getMaxRetries(), IstioDuration.parse(h.getIdleTimeout()),
                    h.getH2UpgradePolicy() == null ? null : H2UpgradePolicy.valueOf(h.getH2UpgradePolicy().name()),
                    h.getUseClientProtocol(), h.getMaxConcurrentStreams(), keepAlive);
        }
        return new ConnectionPool(tcp, http);
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
