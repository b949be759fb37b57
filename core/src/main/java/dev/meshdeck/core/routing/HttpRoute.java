package dev.meshdeck.core.routing;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMirrorPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestinationBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP route of a VirtualService as an editor sees it. Optional parts are null when unset.
 *
 * @param matches empty: the route catches every request
 * @param timeout null: Istio's default (none)
 */
public record HttpRoute(String name, List<MatchRule> matches, WeightSplit split, Mirror mirror,
                        FaultInjection fault, IstioDuration timeout, Retries retries) {

    public HttpRoute {
        matches = matches == null ? List.of() : List.copyOf(matches);
        Objects.requireNonNull(split, "a route needs at least one destination");
    }

    public static HttpRoute to(WeightSplit split) {
        return new HttpRoute(null, List.of(), split, null, null, null, null);
    }

    public static HttpRoute to(Destination destination) {
        return to(WeightSplit.single(destination));
    }

    public HttpRoute named(String newName) {
        return new HttpRoute(newName, matches, split, mirror, fault, timeout, retries);
    }

    public HttpRoute withMatches(List<MatchRule> newMatches) {
        return new HttpRoute(name, newMatches, split, mirror, fault, timeout, retries);
    }

    /** Adds an alternative condition (match entries are ORed). */
    public HttpRoute addingMatch(MatchRule rule) {
        List<MatchRule> more = new ArrayList<>(matches);
        more.add(rule);
        return withMatches(more);
    }

    public HttpRoute withSplit(WeightSplit newSplit) {
        return new HttpRoute(name, matches, newSplit, mirror, fault, timeout, retries);
    }

    public HttpRoute withCanary(CanarySplit canary) {
        return withSplit(canary.toWeightSplit());
    }

    public HttpRoute withMirror(Mirror newMirror) {
        return new HttpRoute(name, matches, split, newMirror, fault, timeout, retries);
    }

    public HttpRoute withFault(FaultInjection newFault) {
        return new HttpRoute(name, matches, split, mirror, newFault, timeout, retries);
    }

    public HttpRoute withTimeout(IstioDuration newTimeout) {
        return new HttpRoute(name, matches, split, mirror, fault, newTimeout, retries);
    }

    public HttpRoute withRetries(Retries newRetries) {
        return new HttpRoute(name, matches, split, mirror, fault, timeout, newRetries);
    }

    /** True when the route has no match condition and so takes every request that reaches it. */
    public boolean catchesAll() {
        return matches.isEmpty() || matches.stream().anyMatch(MatchRule::matchesEverything);
    }

    public HTTPRoute toFabric8() {
        return applyTo(new HTTPRoute());
    }

    /**
     * Writes this route onto {@code existing}, touching only the parts that differ from what
     * {@link #from} reads there; everything else (redirects, CORS, headers, unknown fields) is kept.
     */
    public HTTPRoute applyTo(HTTPRoute existing) {
        HttpRoute before = existing.getRoute() == null || existing.getRoute().isEmpty() ? null : from(existing);
        HTTPRouteBuilder b = new HTTPRouteBuilder(existing);
        if (before == null || !Objects.equals(name, before.name)) {
            b.withName(name);
        }
        if (before == null || !matches.equals(before.matches)) {
            List<HTTPMatchRequest> m = matches.stream().map(MatchRule::toFabric8).toList();
            b.withMatch(m.isEmpty() ? null : m);
        }
        if (before == null || !split.equals(before.split)) {
            b.withRoute(routeDestinations(existing.getRoute()));
        }
        if (before == null || !Objects.equals(mirror, before.mirror)) {
            b.withMirrors(List.of());
            if (mirror == null) {
                b.withMirror(null).withMirrorPercentage(null).withMirrorPercent(null);
            } else {
                b.withMirror(mirror.destination().toFabric8()).withMirrorPercent(null);
                if (mirror.percent() == null) {
                    b.withMirrorPercentage(null);
                } else {
                    b.withNewMirrorPercentage(mirror.percent());
                }
            }
        }
        if (before == null || !Objects.equals(fault, before.fault)) {
            b.withFault(fault == null ? null : fault.toFabric8());
        }
        if (before == null || !Objects.equals(timeout, before.timeout)) {
            b.withTimeout(IstioDuration.format(timeout));
        }
        if (before == null || !Objects.equals(retries, before.retries)) {
            b.withRetries(retries == null ? null : retries.toFabric8());
        }
        return b.build();
    }

    /** Keeps each existing destination entry (its header operations, unknown fields), rewriting host and weight. */
    private List<HTTPRouteDestination> routeDestinations(List<HTTPRouteDestination> existing) {
        List<HTTPRouteDestination> out = new ArrayList<>();
        boolean single = split.destinations().size() == 1;
        for (int i = 0; i < split.destinations().size(); i++) {
            WeightedDestination wd = split.destinations().get(i);
            HTTPRouteDestinationBuilder b = existing != null && i < existing.size()
                    ? new HTTPRouteDestinationBuilder(existing.get(i)) : new HTTPRouteDestinationBuilder();
            // a lone destination takes all traffic; Istio's convention is to leave its weight out
            out.add(b.withDestination(wd.destination().toFabric8()).withWeight(single ? null : wd.weight()).build());
        }
        return out;
    }

    public static HttpRoute from(HTTPRoute r) {
        List<HTTPRouteDestination> route = r.getRoute() == null ? List.of() : r.getRoute();
        if (route.isEmpty()) {
            throw new IllegalArgumentException("route " + (r.getName() == null ? "" : "'" + r.getName() + "' ")
                    + "has no destinations (redirect or direct response); it cannot be edited as a traffic split");
        }
        List<Destination> targets = route.stream().map(d -> Destination.from(d.getDestination())).toList();
        List<Integer> weights = route.stream().map(HTTPRouteDestination::getWeight).toList();
        WeightSplit split = WeightSplit.normalised(targets, weights);
        List<MatchRule> matches = r.getMatch() == null ? List.of() : r.getMatch().stream().map(MatchRule::from).toList();
        return new HttpRoute(r.getName(), matches, split, mirror(r), FaultInjection.from(r.getFault()),
                IstioDuration.parse(r.getTimeout()), Retries.from(r.getRetries()));
    }

    private static Mirror mirror(HTTPRoute r) {
        if (r.getMirror() != null) {
            Double percent = r.getMirrorPercentage() != null ? r.getMirrorPercentage().getValue()
                    : r.getMirrorPercent() != null ? Double.valueOf(r.getMirrorPercent()) : null;
            return new Mirror(Destination.from(r.getMirror()), percent);
        }
        if (r.getMirrors() != null && !r.getMirrors().isEmpty()) {
            HTTPMirrorPolicy first = r.getMirrors().get(0);
            return new Mirror(Destination.from(first.getDestination()),
                    first.getPercentage() == null ? null : first.getPercentage().getValue());
        }
        return null;
    }
}
