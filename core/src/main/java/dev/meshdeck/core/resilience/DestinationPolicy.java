package dev.meshdeck.core.resilience;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.SubsetBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A DestinationRule as the resilience editor sees it: the host's policy and its subsets. */
public record DestinationPolicy(String namespace, String name, String host, ResiliencePolicy trafficPolicy,
                                List<Subset> subsets) {

    public DestinationPolicy {
        Objects.requireNonNull(host, "host");
        trafficPolicy = trafficPolicy == null ? ResiliencePolicy.none() : trafficPolicy;
        subsets = subsets == null ? List.of() : List.copyOf(subsets);
        long distinct = subsets.stream().map(Subset::name).distinct().count();
        if (distinct != subsets.size()) {
            throw new IllegalArgumentException("DestinationRule " + namespace + "/" + name + " names a subset twice");
        }
    }

    public static DestinationPolicy of(String namespace, String name, String host) {
        return new DestinationPolicy(namespace, name, host, ResiliencePolicy.none(), List.of());
    }

    public DestinationPolicy withTrafficPolicy(ResiliencePolicy policy) {
        return new DestinationPolicy(namespace, name, host, policy, subsets);
    }

    /** Adds the subset, or replaces the one with the same name in place. */
    public DestinationPolicy withSubset(Subset subset) {
        List<Subset> copy = new ArrayList<>(subsets);
        int at = indexOf(subset.name());
        if (at >= 0) {
            copy.set(at, subset);
        } else {
            copy.add(subset);
        }
        return new DestinationPolicy(namespace, name, host, trafficPolicy, copy);
    }

    public DestinationPolicy removingSubset(String subsetName) {
        List<Subset> copy = new ArrayList<>(subsets);
        copy.removeIf(s -> s.name().equals(subsetName));
        return new DestinationPolicy(namespace, name, host, trafficPolicy, copy);
    }

    public int indexOf(String subsetName) {
        for (int i = 0; i < subsets.size(); i++) {
            if (subsets.get(i).name().equals(subsetName)) {
                return i;
            }
        }
        return -1;
    }

    public DestinationRule toDestinationRule() {
        return applyTo(new DestinationRuleBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().endSpec()
                .build());
    }

    /** Writes host, policy and subsets onto a live DestinationRule; subsets are matched by name. */
    public DestinationRule applyTo(DestinationRule existing) {
        var spec = existing.getSpec() == null ? new io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule()
                : existing.getSpec();
        List<io.fabric8.istio.api.api.networking.v1alpha3.Subset> current = spec.getSubsets() == null ? List.of() : spec.getSubsets();
        List<io.fabric8.istio.api.api.networking.v1alpha3.Subset> out = new ArrayList<>();
        for (Subset s : subsets) {
            var old = current.stream().filter(c -> s.name().equals(c.getName())).findFirst().orElse(null);
            SubsetBuilder b = old == null ? new SubsetBuilder() : new SubsetBuilder(old);
            TrafficPolicy policy = s.policy().applyTo(old == null ? null : old.getTrafficPolicy());
            out.add(b.withName(s.name()).withLabels(s.labels().isEmpty() ? null : s.labels())
                    .withTrafficPolicy(unlessEmpty(policy))
                    .build());
        }
        TrafficPolicy policy = trafficPolicy.applyTo(spec.getTrafficPolicy());
        return new DestinationRuleBuilder(existing)
                .withSpec(new io.fabric8.istio.api.api.networking.v1alpha3.DestinationRuleBuilder(spec)
                        .withHost(host)
                        .withTrafficPolicy(unlessEmpty(policy))
                        .withSubsets(out.isEmpty() ? null : out)
                        .build())
                .build();
    }

    /** Null for a traffic policy left without any setting: Istio rejects an empty one (MD0505). */
    private static TrafficPolicy unlessEmpty(TrafficPolicy policy) {
        return new TrafficPolicy().equals(policy) ? null : policy;
    }

    public static DestinationPolicy from(DestinationRule dr) {
        var spec = dr.getSpec();
        List<Subset> subsets = spec.getSubsets() == null ? List.of() : spec.getSubsets().stream()
                .map(s -> new Subset(s.getName(), s.getLabels(), ResiliencePolicy.from(s.getTrafficPolicy())))
                .toList();
        return new DestinationPolicy(dr.getMetadata().getNamespace(), dr.getMetadata().getName(), spec.getHost(),
                ResiliencePolicy.from(spec.getTrafficPolicy()), subsets);
    }
}
