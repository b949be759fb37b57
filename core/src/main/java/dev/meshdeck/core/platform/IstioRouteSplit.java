package dev.meshdeck.core.platform;

import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.routing.HttpRoute;
import dev.meshdeck.core.routing.RoutingPolicy;
import dev.meshdeck.core.routing.WeightSplit;
import dev.meshdeck.core.routing.WeightedDestination;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * A canary on one HTTP route of a VirtualService (Kubernetes, OpenFaaS, Kubeless functions behind Istio).
 * Versions are named by destination subset, or host when there is no subset.
 */
public record IstioRouteSplit(VirtualService virtualService, int routeIndex, String candidate) implements TrafficSplit {

    public IstioRouteSplit {
        if (split(virtualService, routeIndex).indexOf(candidate) < 0) {
            throw new IllegalArgumentException("route " + routeIndex + " of VirtualService "
                    + virtualService.getMetadata().getName() + " has no destination '" + candidate
                    + "'; add it to the route before shifting traffic to it");
        }
    }

    /** The canary on the route that carries default traffic, with the given candidate version. */
    public static IstioRouteSplit onDefaultRoute(VirtualService vs, String candidate) {
        return new IstioRouteSplit(vs, RoutingPolicy.from(vs).catchAllRoute(), candidate);
    }

    private static WeightSplit split(VirtualService vs, int routeIndex) {
        return RoutingPolicy.from(vs).route(routeIndex).split();
    }

    public WeightSplit split() {
        return split(virtualService, routeIndex);
    }

    @Override
    public List<TrafficShare> shares() {
        return split().destinations().stream()
                .map(d -> new TrafficShare(d.destination().label(), d.weight())).toList();
    }

    @Override
    public String stable() {
        return split().destinations().stream()
                .filter(d -> !d.destination().label().equals(candidate))
                .max(java.util.Comparator.comparingInt(WeightedDestination::weight))
                .map(d -> d.destination().label())
                .orElse(candidate);
    }

    @Override
    public double candidatePercent() {
        return split().weightOf(split().indexOf(candidate));
    }

    @Override
    public IstioRouteSplit withCandidatePercent(int percent) {
        RoutingPolicy policy = RoutingPolicy.from(virtualService);
        HttpRoute route = policy.route(routeIndex);
        RoutingPolicy edited = policy.withRoute(routeIndex, route.withSplit(route.split().withWeight(candidate, percent)));
        return new IstioRouteSplit(edited.applyTo(virtualService), routeIndex, candidate);
    }

    @Override
    public Optional<HasMetadata> resource() {
        return Optional.of(virtualService);
    }
}
