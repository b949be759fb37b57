package dev.meshdeck.core.resilience;

import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyBuilder;
import java.util.Objects;

/**
 * A DestinationRule's {@code trafficPolicy} (for the host or one subset): load balancing, circuit breaker
 * (connection pool + outlier detection) and client TLS. Null parts are unset.
 */
public record ResiliencePolicy(LoadBalancing loadBalancing, ConnectionPool connectionPool,
                               OutlierDetection outlierDetection, TlsSettings tls) {

    public static ResiliencePolicy none() {
        return new ResiliencePolicy(null, null, null, null);
    }

    public ResiliencePolicy withLoadBalancing(LoadBalancing value) {
        return new ResiliencePolicy(value, connectionPool, outlierDetection, tls);
    }

    public ResiliencePolicy withConnectionPool(ConnectionPool value) {
        return new ResiliencePolicy(loadBalancing, value, outlierDetection, tls);
    }

    public ResiliencePolicy withOutlierDetection(OutlierDetection value) {
        return new ResiliencePolicy(loadBalancing, connectionPool, value, tls);
    }

    public ResiliencePolicy withTls(TlsSettings value) {
        return new ResiliencePolicy(loadBalancing, connectionPool, outlierDetection, value);
    }

    public boolean isEmpty() {
        return loadBalancing == null && connectionPool == null && outlierDetection == null && tls == null;
    }

    public TrafficPolicy toFabric8() {
        return applyTo(null);
    }

    /**
     * Writes the sections that differ from what {@link #from} reads on {@code existing} (null: a new
     * policy); port-level settings, tunnels, proxy protocol and unknown fields are kept.
     */
    public TrafficPolicy applyTo(TrafficPolicy existing) {
        ResiliencePolicy before = existing == null ? none() : from(existing);
        TrafficPolicyBuilder b = existing == null ? new TrafficPolicyBuilder() : new TrafficPolicyBuilder(existing);
        if (!Objects.equals(loadBalancing, before.loadBalancing)) {
            b.withLoadBalancer(loadBalancing == null ? null : loadBalancing.toFabric8());
        }
        if (!Objects.equals(connectionPool, before.connectionPool)) {
            b.withConnectionPool(connectionPool == null ? null : connectionPool.toFabric8());
        }
        if (!Objects.equals(outlierDetection, before.outlierDetection)) {
            b.withOutlierDetection(outlierDetection == null ? null : outlierDetection.toFabric8());
        }
        if (!Objects.equals(tls, before.tls)) {
            b.withTls(tls == null ? null : tls.toFabric8());
        }
        return b.build();
    }

    public static ResiliencePolicy from(TrafficPolicy p) {
        if (p == null) {
            return none();
        }
        return new ResiliencePolicy(LoadBalancing.from(p.getLoadBalancer()), ConnectionPool.from(p.getConnectionPool()),
                OutlierDetection.from(p.getOutlierDetection()), TlsSettings.from(p.getTls()));
    }
}
