package dev.meshdeck.core.resilience;

import dev.meshdeck.core.routing.IstioDuration;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsBuilder;

/**
 * {@code trafficPolicy.loadBalancer}: the algorithm, locality awareness and slow-start warm-up; any part may be null.
 */
public record LoadBalancing(LoadBalancer algorithm, LocalityLoadBalancing locality, IstioDuration warmupDuration) {

    public static LoadBalancing of(LoadBalancer algorithm) {
        return new LoadBalancing(algorithm, null, null);
    }

    public LoadBalancing withLocality(LocalityLoadBalancing newLocality) {
        return new LoadBalancing(algorithm, newLocality, warmupDuration);
    }

    public LoadBalancerSettings toFabric8() {
        return new LoadBalancerSettingsBuilder()
                .withLbPolicy(algorithm == null ? null : algorithm.toFabric8())
                .withLocalityLbSetting(locality == null ? null : locality.toFabric8())
                .withWarmupDurationSecs(IstioDuration.format(warmupDuration))
                .build();
    }

    public static LoadBalancing from(LoadBalancerSettings s) {
        if (s == null) {
            return null;
        }
        return new LoadBalancing(LoadBalancer.from(s.getLbPolicy()), LocalityLoadBalancing.from(s.getLocalityLbSetting()),
                IstioDuration.parse(s.getWarmupDurationSecs()));
    }
}
