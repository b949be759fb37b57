package dev.meshdeck.core.editing.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.routing.Destination;
import dev.meshdeck.core.routing.FaultInjection;
import dev.meshdeck.core.routing.HttpRoute;
import dev.meshdeck.core.routing.IstioDuration;
import dev.meshdeck.core.routing.MatchRule;
import dev.meshdeck.core.routing.Mirror;
import dev.meshdeck.core.routing.Retries;
import dev.meshdeck.core.routing.RoutingPolicy;
import dev.meshdeck.core.routing.StringMatch;
import dev.meshdeck.core.routing.WeightSplit;
import dev.meshdeck.core.routing.WeightedDestination;
import dev.meshdeck.core.yaml.PolicyDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlRenderer;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Routing editor's model over one VirtualService: its HTTP routes in evaluation order (first match
 * wins), each with match conditions, weighted destinations, mirror, fault injection, timeout and retries.
 *
 * <p>Immutable: every {@code with...}/{@code adding...} returns a new form. The candidate is the object the
 * form was built from with only the edited fields changed: unknown fields, annotations and key order
 * survive, and a route keeps its own untouched fields (CORS, header rewrites...) when it is moved.
 */
public final class RoutingForm {

    public static final String KIND = "VirtualService";

    private final JsonNode live;
    private final PolicyDocument base;
    private final RoutingPolicy policy;
    /** For each route: its index in {@code base}'s spec.http, or -1 when the form added it. */
    private final List<Integer> origins;

    private RoutingForm(JsonNode live, PolicyDocument base, RoutingPolicy policy, List<Integer> origins) {
        this.live = live;
        this.base = base;
        this.policy = policy;
        this.origins = List.copyOf(origins);
    }

    /**
     * The form over a live VirtualService.
     *
     * @throws IllegalArgumentException when it is not a VirtualService, or a route has no destinations
     *                                  (redirects and direct responses cannot be edited here)
     */
    public static RoutingForm of(JsonNode virtualService) {
        Trees.requireKind(virtualService, KIND);
        PolicyDocument document = PolicyDocument.of(virtualService);
        RoutingPolicy policy = RoutingPolicy.from(document.as(VirtualService.class));
        return new RoutingForm(virtualService.deepCopy(), document, policy, Trees.identity(policy.http().size()));
    }

    /** A new VirtualService for a function that has none: its host, one route sending everything to its service. */
    public static RoutingForm newFor(FunctionTarget function) {
        RoutingPolicy policy = RoutingPolicy.of(function.namespace(), function.name(), function.host(),
                HttpRoute.to(Destination.host(function.host())).named("default"));
        ObjectNode skeleton = Trees.MAPPER.createObjectNode();
        skeleton.put("apiVersion", "networking.istio.io/v1");
        skeleton.put("kind", KIND);
        ObjectNode metadata = skeleton.putObject("metadata");
        metadata.put("name", function.name());
        metadata.put("namespace", function.namespace());
        metadata.putObject("labels").put("app", function.appLabel());
        skeleton.putObject("spec").putArray("hosts").add(function.host());
        return new RoutingForm(null, PolicyDocument.of(skeleton), policy, List.of(-1));
    }

    /**
     * The form following an edit of the YAML text: the text becomes the object edits apply to (so fields
     * typed there survive), the live object stays the reference.
     *
     * @throws YamlProblem              when the text is not YAML (with the line to underline)
     * @throws IllegalArgumentException when it is not one VirtualService the form can show
     */
    public RoutingForm fromYaml(String yaml) throws YamlProblem {
        ObjectNode tree = Trees.read(yaml, KIND);
        RoutingForm parsed = of(tree);
        return new RoutingForm(live, parsed.base, parsed.policy, parsed.origins);
    }

    // ---- state ----

    public RoutingPolicy policy() {
        return policy;
    }

    public List<HttpRoute> routes() {
        return policy.http();
    }

    public HttpRoute route(int index) {
        return policy.route(index);
    }

    public List<String> hosts() {
        return policy.hosts();
    }

    /** The live object as read, or null for a new VirtualService. */
    public JsonNode live() {
        return live == null ? null : live.deepCopy();
    }

    public boolean isNew() {
        return live == null;
    }

    /**
     * The host routes point at by default: the first destination of the route that takes default
     * traffic, else the VirtualService's first host.
     */
    public String serviceHost() {
        if (!policy.http().isEmpty()) {
            return policy.route(policy.catchAllRoute()).split().targets().get(0).host();
        }
        return policy.hosts().get(0);
    }

    /** Index of the route called {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < routes().size(); i++) {
            if (name.equals(routes().get(i).name())) {
                return i;
            }
        }
        return -1;
    }

    // ---- edits ----

    public RoutingForm withHosts(List<String> hosts) {
        return new RoutingForm(live, base, new RoutingPolicy(policy.namespace(), policy.name(), hosts,
                policy.gateways(), policy.http()), origins);
    }

    public RoutingForm withRoute(int index, HttpRoute route) {
        return new RoutingForm(live, base, policy.withRoute(index, route), origins);
    }

    /** Inserts {@code route} at {@code index}; later routes move down one place. */
    public RoutingForm addingRoute(int index, HttpRoute route) {
        requireUniqueName(route.name());
        return new RoutingForm(live, base, policy.insertingRoute(index, route), Trees.inserting(origins, index, -1));
    }

    /**
     * Adds a route where it can take effect: before the first route that catches every request (a route
     * after a catch-all never matches), else at the end.
     */
    public RoutingForm addingRoute(HttpRoute route) {
        return addingRoute(firstCatchAll(), route);
    }

    public RoutingForm removingRoute(int index) {
        if (routes().size() == 1) {
            throw new IllegalArgumentException("a VirtualService needs at least one route; edit this one instead of removing it");
        }
        return new RoutingForm(live, base, policy.removingRoute(index), Trees.removing(origins, index));
    }

    /** Moves a route from {@code from} to {@code to} (both positions in the current order). */
    public RoutingForm movingRoute(int from, int to) {
        List<HttpRoute> moved = Trees.moving(routes(), from, to);
        return new RoutingForm(live, base, withRoutes(moved), Trees.moving(origins, from, to));
    }

    /**
     * Header-based routing, e.g. premium users: requests whose {@code header} matches go to {@code target}.
     * The route is placed before the catch-all route, after the other conditional routes.
     */
    public RoutingForm addingHeaderRoute(String routeName, String header, StringMatch match, Destination target) {
        return addingRoute(HttpRoute.to(target).named(routeName).addingMatch(MatchRule.any().withHeader(header, match)));
    }

    /** Version routing by header: {@code header: value} goes to subset {@code subset} of the service host. */
    public RoutingForm routingVersionByHeader(String header, String value, String subset) {
        return addingHeaderRoute(subset + "-by-" + header, header, StringMatch.exact(value),
                Destination.subset(serviceHost(), subset));
    }

    /**
     * The blue-green switch: on every route (and mirror), traffic for version {@code blue} goes to
     * {@code green} and traffic for {@code green} goes to {@code blue}, in one step. A version is a subset,
     * or a host for routes without subsets. Applying it twice restores the routes.
     *
     * @throws IllegalArgumentException when no route sends traffic to either version
     */
    public RoutingForm switchingBlueGreen(String blue, String green) {
        if (blue.equals(green)) {
            throw new IllegalArgumentException("blue and green are the same version '" + blue + "'");
        }
        boolean found = false;
        List<HttpRoute> switched = new ArrayList<>();
        for (HttpRoute r : routes()) {
            List<WeightedDestination> ds = new ArrayList<>();
            for (WeightedDestination wd : r.split().destinations()) {
                Destination d = swap(wd.destination(), blue, green);
                found |= d != wd.destination();
                ds.add(new WeightedDestination(d, wd.weight()));
            }
            HttpRoute next = r.withSplit(new WeightSplit(ds));
            if (r.mirror() != null) {
                next = next.withMirror(new Mirror(swap(r.mirror().destination(), blue, green), r.mirror().percent()));
            }
            switched.add(next);
        }
        if (!found) {
            throw new IllegalArgumentException("no route sends traffic to '" + blue + "' or '" + green
                    + "'; the routes go to " + routes().stream().flatMap(r -> r.split().targets().stream())
                    .map(Destination::label).distinct().toList());
        }
        return new RoutingForm(live, base, withRoutes(switched), origins);
    }

    private static Destination swap(Destination d, String blue, String green) {
        if (d.subset() != null) {
            if (d.subset().equals(blue)) {
                return new Destination(d.host(), green, d.port());
            }
            return d.subset().equals(green) ? new Destination(d.host(), blue, d.port()) : d;
        }
        if (d.host().equals(blue)) {
            return new Destination(green, null, d.port());
        }
        return d.host().equals(green) ? new Destination(blue, null, d.port()) : d;
    }

    public RoutingForm withMatches(int route, List<MatchRule> matches) {
        return withRoute(route, route(route).withMatches(matches));
    }

    public RoutingForm withSplit(int route, WeightSplit split) {
        return withRoute(route, route(route).withSplit(split));
    }

    /** Mirrors {@code percent} (0-100, null: all) of the route's requests to {@code target}; null target: no mirror. */
    public RoutingForm withMirror(int route, Destination target, Double percent) {
        return withRoute(route, route(route).withMirror(target == null ? null : new Mirror(target, percent)));
    }

    /** Delays {@code percent} of requests by {@code delay}; null delay removes the delay (an abort stays). */
    public RoutingForm withDelayFault(int route, IstioDuration delay, double percent) {
        FaultInjection f = route(route).fault();
        FaultInjection.Delay d = delay == null ? null : new FaultInjection.Delay(delay, percent);
        return withFault(route, f == null ? (d == null ? null : new FaultInjection(d, null)) : f.withDelay(d));
    }

    /** Answers {@code percent} of requests with {@code httpStatus}; null status removes the abort (a delay stays). */
    public RoutingForm withAbortFault(int route, Integer httpStatus, double percent) {
        FaultInjection f = route(route).fault();
        FaultInjection.Abort a = httpStatus == null ? null : new FaultInjection.Abort(httpStatus, percent);
        return withFault(route, f == null ? (a == null ? null : new FaultInjection(null, a)) : f.withAbort(a));
    }

    public RoutingForm withFault(int route, FaultInjection fault) {
        boolean empty = fault == null || (fault.delay() == null && fault.abort() == null);
        return withRoute(route, route(route).withFault(empty ? null : fault));
    }

    /** Null: no timeout (Istio's default). */
    public RoutingForm withTimeout(int route, IstioDuration timeout) {
        return withRoute(route, route(route).withTimeout(timeout));
    }

    /** Null: Istio's default retries (2 attempts on connect-failure, refused-stream, unavailable, cancelled, retriable-status-codes). */
    public RoutingForm withRetries(int route, Retries retries) {
        return withRoute(route, route(route).withRetries(retries));
    }

    // ---- output ----

    /** The VirtualService to apply: the object the form was built from, with the form's edits. */
    public ObjectNode candidate() {
        ObjectNode tree = base.tree();
        ObjectNode spec = tree.has("spec") && tree.get("spec").isObject() ? (ObjectNode) tree.get("spec") : tree.putObject("spec");
        List<ObjectNode> fresh = new ArrayList<>();
        for (HttpRoute r : routes()) {
            fresh.add(Trees.nameFirst(r.toFabric8()));
        }
        ArrayNode http = Trees.aligned(spec.get("http"), origins, fresh);
        spec.set("http", http);
        PolicyDocument aligned = PolicyDocument.of(tree);
        VirtualService current = aligned.as(VirtualService.class);
        return aligned.edit(policy.applyTo(current)).tree();
    }

    /** The candidate as the YAML pane shows it: without server-owned fields. */
    public String candidateYaml() {
        return YamlRenderer.render(YamlRenderer.forReview(candidate()));
    }

    /** True when the candidate differs from the live object (always for a new VirtualService). */
    public boolean changed() {
        return live == null || !live.equals(candidate());
    }

    /** The per-route fields a view shows next to the match and destination tables. */
    public static List<FieldSpec> routeFields() {
        return RouteFields.ALL;
    }

    private int firstCatchAll() {
        for (int i = 0; i < routes().size(); i++) {
            if (routes().get(i).catchesAll()) {
                return i;
            }
        }
        return routes().size();
    }

    private void requireUniqueName(String name) {
        if (name != null && indexOf(name) >= 0) {
            throw new IllegalArgumentException("a route named '" + name + "' already exists (position "
                    + (indexOf(name) + 1) + "); edit it, or give the new route another name");
        }
    }

    private RoutingPolicy withRoutes(List<HttpRoute> routes) {
        return new RoutingPolicy(policy.namespace(), policy.name(), policy.hosts(), policy.gateways(), routes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoutingForm f && policy.equals(f.policy) && origins.equals(f.origins)
                && base.tree().equals(f.base.tree());
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, origins);
    }

    /** Per-route field metadata. */
    static final class RouteFields {
        static final List<FieldSpec> ALL = List.of(
                FieldSpec.duration("timeout", "Timeout", IstioDuration.ofMillis(1), IstioDuration.ofSeconds(3600),
                        IstioDuration.ofMillis(100), "How long the caller waits for the whole request, retries included, "
                                + "before getting a 504. Istio's default: no timeout."),
                FieldSpec.integer("retries.attempts", "Retry attempts", "retries", 0, 10, 1,
                        "How many times a failed request is retried (0 disables retries). Istio's default: 2."),
                FieldSpec.duration("retries.perTryTimeout", "Per-try timeout", IstioDuration.ofMillis(1),
                        IstioDuration.ofSeconds(600), IstioDuration.ofMillis(100),
                        "Timeout of each try, first one included. Istio's default: the route timeout."),
                FieldSpec.text("retries.retryOn", "Retry on",
                        "Comma-separated conditions that trigger a retry: 5xx, gateway-error, reset, connect-failure, "
                                + "retriable-4xx, refused-stream, retriable-status-codes, or status codes such as 503. Istio's "
                                + "default: connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes."),
                FieldSpec.integer("mirrorPercentage", "Mirror percentage", "%", 0, 100, 1,
                        "Share of this route's requests copied to the mirror; responses from the mirror are discarded. "
                                + "Istio's default: 100% when a mirror is set."),
                FieldSpec.duration("fault.delay.fixedDelay", "Injected delay", IstioDuration.ofMillis(1),
                        IstioDuration.ofSeconds(600), IstioDuration.ofMillis(100),
                        "Requests picked for the delay wait this long before being forwarded. Chaos testing only."),
                FieldSpec.integer("fault.delay.percentage", "Delayed requests", "%", 0, 100, 1,
                        "Share of requests delayed. Istio's default: all requests when a delay is set."),
                FieldSpec.integer("fault.abort.httpStatus", "Abort status", "HTTP status", 200, 599, 1,
                        "Status returned, without forwarding, to the requests picked for the abort (e.g. 503)."),
                FieldSpec.integer("fault.abort.percentage", "Aborted requests", "%", 0, 100, 1,
                        "Share of requests aborted. Istio's default: all requests when an abort is set."));

        private RouteFields() {
        }
    }
}
