package dev.meshdeck.core.resilience;

import io.fabric8.istio.api.api.networking.v1alpha3.LocalityLoadBalancerSetting;
import io.fabric8.istio.api.api.networking.v1alpha3.LocalityLoadBalancerSettingBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LocalityLoadBalancerSettingDistributeBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LocalityLoadBalancerSettingFailoverBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Locality-aware load balancing: either weighted distribution between zones, or failover from one region
 * to another (Istio allows only one of distribute, failover and failoverPriority).
 */
public record LocalityLoadBalancing(Boolean enabled, List<Distribute> distribute, List<Failover> failover,
                                    List<String> failoverPriority) {

    /** Traffic originating in {@code from} goes to the localities in {@code to} by weight (totalling 100). */
    public record Distribute(String from, Map<String, Integer> to) {
        public Distribute {
            to = Collections.unmodifiableMap(new LinkedHashMap<>(to));
            int total = to.values().stream().mapToInt(Integer::intValue).sum();
            if (total != 100) {
                throw new IllegalArgumentException("locality weights from " + from + " total " + total + ", not 100");
            }
        }
    }

    /** When region {@code from} has no healthy endpoints, traffic fails over to region {@code to}. */
    public record Failover(String from, String to) {
    }

    public LocalityLoadBalancing {
        distribute = distribute == null ? List.of() : List.copyOf(distribute);
        failover = failover == null ? List.of() : List.copyOf(failover);
        failoverPriority = failoverPriority == null ? List.of() : List.copyOf(failoverPriority);
        if (!distribute.isEmpty() && (!failover.isEmpty() || !failoverPriority.isEmpty())) {
            throw new IllegalArgumentException("locality load balancing takes distribute or failover, not both");
        }
    }

    public static LocalityLoadBalancing distribute(List<Distribute> rules) {
        return new LocalityLoadBalancing(true, rules, List.of(), List.of());
    }

    public static LocalityLoadBalancing failover(List<Failover> rules) {
        return new LocalityLoadBalancing(true, List.of(), rules, List.of());
    }

    public LocalityLoadBalancerSetting toFabric8() {
        return new LocalityLoadBalancerSettingBuilder()
                .withEnabled(enabled)
                .withDistribute(distribute.isEmpty() ? null : distribute.stream()
                        .map(d -> new LocalityLoadBalancerSettingDistributeBuilder().withFrom(d.from())
                                .withTo(toLongs(d.to())).build())
                        .toList())
                .withFailover(failover.isEmpty() ? null : failover.stream()
                        .map(f -> new LocalityLoadBalancerSettingFailoverBuilder().withFrom(f.from()).withTo(f.to()).build())
                        .toList())
                .withFailoverPriority(failoverPriority.isEmpty() ? null : failoverPriority)
                .build();
    }

    public static LocalityLoadBalancing from(LocalityLoadBalancerSetting s) {
        if (s == null) {
            return null;
        }
        List<Distribute> distribute = s.getDistribute() == null ? List.of() : s.getDistribute().stream()
                .map(d -> new Distribute(d.getFrom(), toInts(d.getTo()))).toList();
        List<Failover> failover = s.getFailover() == null ? List.of() : s.getFailover().stream()
                .map(f -> new Failover(f.getFrom(), f.getTo())).toList();
        return new LocalityLoadBalancing(s.getEnabled(), distribute, failover, s.getFailoverPriority());
    }

    private static Map<String, Long> toLongs(Map<String, Integer> in) {
        Map<String, Long> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v.longValue()));
        return out;
    }

    private static Map<String, Integer> toInts(Map<String, Long> in) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (in != null) {
            in.forEach((k, v) -> out.put(k, v.intValue()));
        }
        return out;
    }
}
