package dev.meshdeck.core.failover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.routing.Destination;
import dev.meshdeck.core.traffic.CanaryEditor;
import dev.meshdeck.core.yaml.PolicyDocument;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRewriteBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestinationBuilder;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.TrafficTargetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the change set that sends 100% of a function's traffic to a failover target, from the function's
 * objects as read: every HTTP route of its VirtualService (a new one when it has none) for Kubernetes,
 * OpenFaaS and Kubeless functions, the traffic block of a Knative Service, the alias of a Lambda function.
 * Routes keep their matches, timeouts and retries; only where they send traffic changes.
 *
 * <p>A Lambda function fails over to a mesh host where the mesh calls it: a VirtualService on the host of the
 * ServiceEntry through which mesh workloads reach its function URL sends their calls to that host instead.
 */
public final class FailoverPlanner {

    static final String CREATED_BY = "meshdeck.dev/created-by";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FailoverPlanner() {
    }

    /**
     * @param reason the person's words for the history, or null for "failover of F to T"
     * @throws IllegalArgumentException when the function's platform cannot route to that kind of target, or it
     *                                  has nothing carrying its traffic; the message says what to do
     */
    public static FunctionChange failover(LiveFunction fn, FailoverTarget target, String reason) {
        ChangeSet changes;
        if (fn.platform() == Platform.LAMBDA) {
            changes = lambda(fn, target);
        } else if (fn.platform() == Platform.KNATIVE) {
            changes = knative(fn, target);
        } else {
            changes = mesh(fn, target);
        }
        String what = fn.function().id().qualifiedName() + " to " + target;
        return new FunctionChange(fn.subject(), "Fail " + fn.platform().displayName() + " function " + what + " over", changes,
                FunctionChange.request(reason, "failover of " + what, Action.FAILOVER, null, fn.subject()));
    }

    private static ChangeSet lambda(LiveFunction fn, FailoverTarget target) {
        if (target instanceof FailoverTarget.Host host) {
            return lambdaCallersInTheMesh(fn, host);
        }
        if (!(target instanceof FailoverTarget.Version version)) {
            throw new IllegalArgumentException("Lambda function " + fn.function().name() + " fails over to another of its"
                    + " versions (subset:VERSION, its alias moves) or to a mesh host (host:HOST, for its callers in the"
                    + " mesh), not to " + target);
        }
        ObjectNode alias = fn.lambdaAlias().orElseThrow(() -> new IllegalArgumentException("Lambda function "
                + fn.function().name() + " has no alias to move; callers of an unqualified function always get $LATEST"));
        return ChangeSet.of(ResourceChange.of(alias, AliasPromotion.to(alias, version.name())));
    }

    /**
     * The mesh's calls to a Lambda function go to {@code host}: the VirtualService of the function URL's
     * ServiceEntry host routes every HTTP request there (a new one when it has none). Callers outside the mesh
     * (API Gateway, event sources, the URL called from elsewhere) still reach Lambda: the mesh cannot move them.
     */
    private static ChangeSet lambdaCallersInTheMesh(LiveFunction fn, FailoverTarget.Host host) {
        List<ObjectNode> entries = fn.meshEntries();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no ServiceEntry in the cluster carries the mesh's calls to Lambda function "
                    + fn.function().name() + " (none has its function URL's host), so no caller in the mesh can be sent to "
                    + host + "; its callers outside the mesh cannot be moved by it either");
        }
        Optional<ObjectNode> live = fn.virtualService();
        if (live.isPresent()) {
            ObjectNode after = PolicyDocument.of(live.get()).edit(VirtualService.class, vs -> routeAll(vs, host)).tree();
            return ChangeSet.of(ResourceChange.of(live.get(), after));
        }
        ObjectNode entry = entries.get(0);
        List<String> hosts = new ArrayList<>();
        entry.at("/spec/hosts").forEach(h -> hosts.add(h.asText()));
        return ChangeSet.of(ResourceChange.of(null, newVirtualService(entry.at("/metadata/namespace").asText(),
                fn.function().name() + "-failover", hosts, Destination.host(hosts.get(0)), host)));
    }

    private static ChangeSet knative(LiveFunction fn, FailoverTarget target) {
        if (!(target instanceof FailoverTarget.Version version)) {
            throw new IllegalArgumentException("Knative Service " + fn.function().id().qualifiedName() + " routes only to its"
                    + " own revisions (subset:REVISION), not to " + target + "; route its callers through a VirtualService"
                    + " to send them elsewhere");
        }
        ObjectNode service = fn.knativeService().orElseThrow(() -> new IllegalArgumentException(
                "Knative function " + fn.function().id().qualifiedName() + " has no Service object to change"));
        ObjectNode after;
        try {
            after = CanaryEditor.of(service, version.name()).withCandidatePercent(100).candidate();
        } catch (IllegalArgumentException notRouted) {
            // a revision outside spec.traffic: it becomes the only target
            after = PolicyDocument.of(service).edit(Service.class, s -> {
                s.getSpec().setTraffic(List.of(new TrafficTargetBuilder().withRevisionName(version.name())
                        .withLatestRevision(false).withPercent(100L).build()));
                return s;
            }).tree();
        }
        return ChangeSet.of(ResourceChange.of(service, after));
    }

    private static ChangeSet mesh(LiveFunction fn, FailoverTarget target) {
        List<ResourceChange> changes = new ArrayList<>();
        if (target instanceof FailoverTarget.External external) {
            ExternalService.of(fn.function().namespace(), fn.function().name() + "-failover", external)
                    .forEach(o -> changes.add(ResourceChange.of(null, o)));
        }
        Optional<ObjectNode> live = fn.virtualService();
        if (live.isPresent()) {
            ObjectNode after = PolicyDocument.of(live.get()).edit(VirtualService.class, vs -> routeAll(vs, target)).tree();
            changes.add(ResourceChange.of(live.get(), after));
        } else {
            changes.add(ResourceChange.of(null, newVirtualService(fn, target)));
        }
        return new ChangeSet(changes);
    }

    /** Every HTTP route that forwards (not a redirect or direct response) now sends all of it to the target. */
    private static VirtualService routeAll(VirtualService vs, FailoverTarget target) {
        List<HTTPRoute> routes = vs.getSpec() == null || vs.getSpec().getHttp() == null ? List.of() : vs.getSpec().getHttp();
        List<HTTPRoute> forwarding = routes.stream().filter(r -> r.getRoute() != null && !r.getRoute().isEmpty()).toList();
        if (forwarding.isEmpty()) {
            throw new IllegalArgumentException("VirtualService " + vs.getMetadata().getNamespace() + "/" + vs.getMetadata().getName()
                    + " has no HTTP route that forwards traffic; MeshDeck fails over HTTP routes only");
        }
        List<HTTPRouteDestination> all = forwarding.stream().flatMap(r -> r.getRoute().stream()).toList();
        for (HTTPRoute route : forwarding) {
            route.setRoute(List.of(destination(route.getRoute().get(0), all, target)));
            if (target instanceof FailoverTarget.External external) {
                route.setRewrite(new HTTPRewriteBuilder(route.getRewrite() == null
                        ? new io.fabric8.istio.api.api.networking.v1alpha3.HTTPRewrite() : route.getRewrite())
                        .withAuthority(external.host()).build());
            }
        }
        return vs;
    }

    /**
     * The one destination of a failed-over route. A version already routed somewhere in the VirtualService
     * keeps that destination (its host, subset, port and header operations); another version is a subset of
     * the route's host.
     */
    private static HTTPRouteDestination destination(HTTPRouteDestination first, List<HTTPRouteDestination> all,
                                                    FailoverTarget target) {
        if (target instanceof FailoverTarget.Version version) {
            Optional<HTTPRouteDestination> routed = all.stream()
                    .filter(d -> Destination.from(d.getDestination()).label().equals(version.name())).findFirst();
            if (routed.isPresent()) {
                return new HTTPRouteDestinationBuilder(routed.get()).withWeight(null).build();
            }
            Destination host = Destination.from(first.getDestination());
            return new HTTPRouteDestinationBuilder().withDestination(
                    new Destination(host.host(), version.name(), host.port()).toFabric8()).build();
        }
        Destination to = target instanceof FailoverTarget.External external
                ? new Destination(external.host(), null, external.port())
                : Destination.host(((FailoverTarget.Host) target).host());
        return new HTTPRouteDestinationBuilder().withDestination(to.toFabric8()).build();
    }

    /** A function routed by Kubernetes alone gets a VirtualService for its Service (named like the function). */
    private static ObjectNode newVirtualService(LiveFunction fn, FailoverTarget target) {
        String name = fn.function().name();
        return newVirtualService(fn.function().namespace(), name, List.of(name), Destination.host(name), target);
    }

    /** A VirtualService for {@code hosts} whose one route, to {@code routed} now, goes to the target. */
    private static ObjectNode newVirtualService(String namespace, String name, List<String> hosts, Destination routed,
                                                FailoverTarget target) {
        HTTPRoute route = new HTTPRoute();
        route.setName("failover");
        route.setRoute(List.of(new HTTPRouteDestinationBuilder().withDestination(routed.toFabric8()).build()));
        VirtualService vs = new VirtualServiceBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name)
                .addToAnnotations(CREATED_BY, "failover").endMetadata()
                .withNewSpec().withHosts(hosts).withHttp(route).endSpec()
                .build();
        ObjectNode tree = MAPPER.valueToTree(routeAll(vs, target));
        tree.put("apiVersion", "networking.istio.io/v1").put("kind", "VirtualService");
        return tree;
    }
}
