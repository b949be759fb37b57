package dev.meshdeck.core.resilience;

import dev.meshdeck.core.routing.IstioDuration;
import io.fabric8.istio.api.api.networking.v1alpha3.IsLoadBalancerSettingsConsistentHashLBHashKey;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHash;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHttpCookie;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHttpCookieBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHttpHeaderName;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHttpHeaderNameBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHttpQueryParameterName;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHttpQueryParameterNameBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBUseSourceIp;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBUseSourceIpBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimple;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimpleBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimpleLB;

/** How the sidecar picks an endpoint: a simple algorithm or a consistent hash (session affinity). */
public sealed interface LoadBalancer {

    enum Algorithm { UNSPECIFIED, LEAST_CONN, RANDOM, PASSTHROUGH, ROUND_ROBIN, LEAST_REQUEST }

    record Simple(Algorithm algorithm) implements LoadBalancer {
    }

    /** Sticky sessions keyed by {@code key}; {@code minimumRingSize} null: Envoy's default. */
    record ConsistentHash(HashKey key, Long minimumRingSize) implements LoadBalancer {
    }

    /** What a consistent hash is computed from. */
    sealed interface HashKey {
    }

    record Header(String name) implements HashKey {
    }

    /** A cookie; Envoy generates it when absent if {@code ttl} is set. */
    record Cookie(String name, String path, IstioDuration ttl) implements HashKey {
    }

    record SourceIp() implements HashKey {
    }

    record QueryParameter(String name) implements HashKey {
    }

    static LoadBalancer simple(Algorithm algorithm) {
        return new Simple(algorithm);
    }

    static LoadBalancer hashOn(HashKey key) {
        return new ConsistentHash(key, null);
    }

    default io.fabric8.istio.api.api.networking.v1alpha3.IsLoadBalancerSettingsLbPolicy toFabric8() {
        if (this instanceof Simple s) {
            return new LoadBalancerSettingsSimpleBuilder()
                    .withSimple(LoadBalancerSettingsSimpleLB.valueOf(s.algorithm().name())).build();
        }
        ConsistentHash c = (ConsistentHash) this;
        return new LoadBalancerSettingsConsistentHashBuilder()
                .withConsistentHash(new LoadBalancerSettingsConsistentHashLBBuilder()
                        .withHashKey(hashKey(c.key()))
                        .withMinimumRingSize(c.minimumRingSize())
                        .build())
                .build();
    }

    private static IsLoadBalancerSettingsConsistentHashLBHashKey hashKey(HashKey key) {
        if (key instanceof Header h) {
            return new LoadBalancerSettingsConsistentHashLBHttpHeaderNameBuilder().withHttpHeaderName(h.name()).build();
        }
        if (key instanceof Cookie c) {
            return new LoadBalancerSettingsConsistentHashLBHttpCookieBuilder().withNewHttpCookie()
                    .withName(c.name()).withPath(c.path()).withTtl(IstioDuration.format(c.ttl())).endHttpCookie().build();
        }
        if (key instanceof QueryParameter q) {
            return new LoadBalancerSettingsConsistentHashLBHttpQueryParameterNameBuilder()
                    .withHttpQueryParameterName(q.name()).build();
        }
        return new LoadBalancerSettingsConsistentHashLBUseSourceIpBuilder().withUseSourceIp(true).build();
    }

    /** Null when the policy is absent or of a kind this model does not edit. */
    static LoadBalancer from(io.fabric8.istio.api.api.networking.v1alpha3.IsLoadBalancerSettingsLbPolicy policy) {
        if (policy instanceof LoadBalancerSettingsSimple s && s.getSimple() != null) {
            return new Simple(Algorithm.valueOf(s.getSimple().name()));
        }
        if (policy instanceof LoadBalancerSettingsConsistentHash c && c.getConsistentHash() != null) {
            Object key = c.getConsistentHash().getHashKey();
            HashKey hashKey = null;
            if (key instanceof LoadBalancerSettingsConsistentHashLBHttpHeaderName h) {
                hashKey = new Header(h.getHttpHeaderName());
            } else if (key instanceof LoadBalancerSettingsConsistentHashLBHttpCookie cookie && cookie.getHttpCookie() != null) {
                hashKey = new Cookie(cookie.getHttpCookie().getName(), cookie.getHttpCookie().getPath(),
                        IstioDuration.parse(cookie.getHttpCookie().getTtl()));
            } else if (key instanceof LoadBalancerSettingsConsistentHashLBHttpQueryParameterName q) {
                hashKey = new QueryParameter(q.getHttpQueryParameterName());
            } else if (key instanceof LoadBalancerSettingsConsistentHashLBUseSourceIp) {
                hashKey = new SourceIp();
            }
            return hashKey == null ? null : new ConsistentHash(hashKey, c.getConsistentHash().getMinimumRingSize());
        }
        return null;
    }
}
