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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Retry attempts written when retries get a setting but no attempt count: Istio's own default. */
    static final int DEFAULT_ATTEMPTS = 2;

    private static final Pattern ROUTE_PATH = Pattern.compile("^spec\\.http\\[(\\d+)](?:\\.(.*))?$");

    /** A condition of a route with its match entry: entries are alternatives, an entry's conditions all hold. */
    public record RouteCondition(int entry, MatchCondition condition) {
    }

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
        metadata.putObject("labels").put("app", function.name());
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

    /** Where {@link #addingRoute(HttpRoute)} puts a new route: before the first catch-all route, else last. */
    public int newRoutePosition() {
        return firstCatchAll();
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


    /**
     * One line per route as an SRE reads it, e.g. "1. premium: header x-user-tier = premium → order-function-v2"
     * or "2. every request → v1 90%, v2 10% · timeout 5s".
     */
    public String summary(int index) {
        HttpRoute r = route(index);
        List<String> entries = new ArrayList<>();
        for (MatchRule m : r.matches()) {
            entries.add(String.join(" and ", MatchCondition.of(m).stream().map(MatchCondition::describe).toList()));
        }
        String when = r.catchesAll() ? "every request" : String.join(" or ", entries);
        List<WeightedDestination> ds = r.split().destinations();
        String to = ds.size() == 1 ? ds.get(0).destination().label()
                : String.join(", ", ds.stream().map(d -> d.destination().label() + " " + d.weight() + "%").toList());
        StringBuilder s = new StringBuilder().append(index + 1).append(". ");
        if (r.name() != null) {
            s.append(r.name()).append(": ");
        }
        s.append(when).append(" → ").append(to);
        if (r.mirror() != null) {
            s.append(" · mirror to ").append(r.mirror().destination().label());
        }
        if (r.fault() != null) {
            s.append(" · fault injection");
        }
        if (r.timeout() != null) {
            s.append(" · timeout ").append(r.timeout());
        }
        if (r.retries() != null) {
            s.append(" · ").append(r.retries().attempts()).append(" retries");
        }
        return s.toString();
    }

    /** Every version the routes send traffic to (a subset, or a host without subsets), in order of appearance. */
    public List<String> versions() {
        Set<String> out = new LinkedHashSet<>();
        routes().forEach(r -> r.split().targets().forEach(d -> out.add(d.label())));
        return List.copyOf(out);
    }

    /**
     * The destinations a route can be pointed at: the VirtualService's own host, every destination its routes
     * and mirrors use, and every subset of the function's DestinationRule.
     *
     * @param destinationRule the function's DestinationRule as it is being edited, or null
     */
    public List<Destination> destinationChoices(JsonNode destinationRule) {
        Set<Destination> out = new LinkedHashSet<>();
        hosts().stream().filter(h -> !h.contains("*")).forEach(h -> out.add(Destination.host(h)));
        for (HttpRoute r : routes()) {
            r.split().targets().forEach(out::add);
            if (r.mirror() != null) {
                out.add(r.mirror().destination());
            }
        }
        if (destinationRule != null && !destinationRule.path("spec").path("host").asText("").isBlank()) {
            String host = destinationRule.path("spec").path("host").asText();
            out.add(Destination.host(host));
            destinationRule.path("spec").path("subsets").forEach(s -> {
                if (!s.path("name").asText("").isBlank()) {
                    out.add(Destination.subset(host, s.path("name").asText()));
                }
            });
        }
        return List.copyOf(out);
    }

    /** The conditions of a route, entry by entry. */
    public List<RouteCondition> conditions(int route) {
        List<RouteCondition> out = new ArrayList<>();
        List<MatchRule> matches = route(route).matches();
        for (int i = 0; i < matches.size(); i++) {
            for (MatchCondition c : MatchCondition.of(matches.get(i))) {
                out.add(new RouteCondition(i, c));
            }
        }
        return out;
    }

    /**
     * Adds a condition to match entry {@code entry} of a route (all its conditions must hold); an entry one past
     * the last starts a new alternative.
     */
    public RoutingForm addingCondition(int route, int entry, MatchCondition condition) {
        List<MatchRule> matches = new ArrayList<>(route(route).matches());
        if (entry < 0 || entry > matches.size()) {
            throw new IllegalArgumentException("route " + (route + 1) + " has " + matches.size() + " match entries; no entry "
                    + (entry + 1));
        }
        if (entry == matches.size()) {
            matches.add(condition.addTo(MatchRule.any()));
        } else {
            matches.set(entry, condition.addTo(matches.get(entry)));
        }
        return withMatches(route, matches);
    }

    /** Removes a condition; an entry left without conditions goes too (it would match every request). */
    public RoutingForm removingCondition(int route, RouteCondition condition) {
        List<MatchRule> matches = new ArrayList<>(route(route).matches());
        MatchRule rest = condition.condition().removeFrom(matches.get(condition.entry()));
        if (rest.matchesEverything()) {
            matches.remove(condition.entry());
        } else {
            matches.set(condition.entry(), rest);
        }
        return withMatches(route, matches);
    }

    /**
     * A new route for requests meeting {@code condition}, sent to {@code target}, placed where it takes effect
     * (before the catch-all route): e.g. header x-user-tier = premium to the candidate.
     *
     * @param name the route's name; blank: unnamed
     */
    public RoutingForm addingRoute(String name, MatchCondition condition, Destination target) {
        HttpRoute route = HttpRoute.to(target).named(name == null || name.isBlank() ? null : name.trim())
                .addingMatch(condition.addTo(MatchRule.any()));
        return addingRoute(route);
    }

    /** Sets one destination's weight; the route's other destinations share the rest. */
    public RoutingForm withDestinationWeight(int route, int destination, int weight) {
        return withSplit(route, route(route).split().withWeight(destination, Math.max(0, Math.min(100, weight))));
    }

    /** Adds a destination to a route at weight 0, so nothing moves until a weight is given. */
    public RoutingForm addingDestination(int route, Destination destination) {
        WeightSplit split = route(route).split();
        if (split.targets().contains(destination)) {
            throw new IllegalArgumentException("route " + (route + 1) + " already sends traffic to " + destination.label());
        }
        return withSplit(route, split.adding(destination, 0));
    }

    /** Removes a destination; its weight goes to the others. */
    public RoutingForm removingDestination(int route, int destination) {
        WeightSplit split = route(route).split();
        if (split.destinations().size() == 1) {
            throw new IllegalArgumentException("a route needs a destination; point it elsewhere or remove the route");
        }
        return withSplit(route, split.removing(destination));
    }

    /** Points a route's mirror at {@code target} keeping its percentage; null removes the mirror. */
    public RoutingForm withMirrorTarget(int route, Destination target) {
        Mirror m = route(route).mirror();
        return withMirror(route, target, m == null ? null : m.percent());
    }

    /** The text a control shows for a per-route field of {@link #routeFields()}; "" when unset. */
    public String text(int route, String key) {
        HttpRoute r = route(route);
        FaultInjection f = r.fault();
        switch (RouteFields.spec(key).key()) {
            case "timeout":
                return r.timeout() == null ? "" : r.timeout().toString();
            case "retries.attempts":
                return r.retries() == null ? "" : Integer.toString(r.retries().attempts());
            case "retries.perTryTimeout":
                return r.retries() == null || r.retries().perTryTimeout() == null ? "" : r.retries().perTryTimeout().toString();
            case "retries.retryOn":
                return r.retries() == null ? "" : String.join(",", r.retries().retryOn());
            case "mirrorPercentage":
                return r.mirror() == null || r.mirror().percent() == null ? "" : percent(r.mirror().percent());
            case "fault.delay.fixedDelay":
                return f == null || f.delay() == null ? "" : f.delay().duration().toString();
            case "fault.delay.percentage":
                return f == null || f.delay() == null ? "" : percent(f.delay().percent());
            case "fault.abort.httpStatus":
                return f == null || f.abort() == null ? "" : Integer.toString(f.abort().httpStatus());
            default:
                return f == null || f.abort() == null ? "" : percent(f.abort().percent());
        }
    }

    /**
     * Sets a per-route field from the text the user typed; blank clears it (Istio's default).
     *
     * @throws IllegalArgumentException with the field's message when the text is not a valid value, or when the
     *                                  field needs another one first (a mirror percentage needs a mirror)
     */
    public RoutingForm withValue(int route, String key, String text) {
        FieldSpec spec = RouteFields.spec(key);
        Object value = spec.parse(text);
        HttpRoute r = route(route);
        FaultInjection f = r.fault();
        Retries retries = r.retries();
        switch (key) {
            case "timeout":
                return withTimeout(route, (IstioDuration) value);
            case "retries.attempts":
                if (value == null) {
                    boolean more = retries != null && (retries.perTryTimeout() != null || !retries.retryOn().isEmpty());
                    return withRetries(route, more ? new Retries(DEFAULT_ATTEMPTS, retries.perTryTimeout(), retries.retryOn()) : null);
                }
                return withRetries(route, new Retries(((Long) value).intValue(),
                        retries == null ? null : retries.perTryTimeout(), retries == null ? List.of() : retries.retryOn()));
            case "retries.perTryTimeout":
                return withRetries(route, new Retries(retries == null ? DEFAULT_ATTEMPTS : retries.attempts(),
                        (IstioDuration) value, retries == null ? List.of() : retries.retryOn()));
            case "retries.retryOn":
                return withRetries(route, new Retries(retries == null ? DEFAULT_ATTEMPTS : retries.attempts(),
                        retries == null ? null : retries.perTryTimeout(), value == null ? List.of()
                        : List.of(((String) value).split("\\s*,\\s*"))));
            case "mirrorPercentage":
                if (r.mirror() == null) {
                    throw new IllegalArgumentException("choose where to mirror to before the mirror percentage");
                }
                return withMirror(route, r.mirror().destination(), value == null ? null : ((Long) value).doubleValue());
            case "fault.delay.fixedDelay":
                return withDelayFault(route, (IstioDuration) value, f == null || f.delay() == null ? 100 : f.delay().percent());
            case "fault.delay.percentage":
                if (f == null || f.delay() == null) {
                    throw new IllegalArgumentException("set the injected delay before the share of delayed requests");
                }
                return withDelayFault(route, f.delay().duration(), value == null ? 100 : ((Long) value).doubleValue());
            case "fault.abort.httpStatus":
                return withAbortFault(route, value == null ? null : ((Long) value).intValue(),
                        f == null || f.abort() == null ? 100 : f.abort().percent());
            default:
                if (f == null || f.abort() == null) {
                    throw new IllegalArgumentException("set the abort status before the share of aborted requests");
                }
                return withAbortFault(route, f.abort().httpStatus(), value == null ? 100 : ((Long) value).doubleValue());
        }
    }

    private static String percent(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * The route and field a finding's path points at ({@code spec.http[1].timeout} is route 1's timeout;
     * {@code spec.http[0].route[1].weight} route 0's destinations, key "route"); empty outside the routes.
     */
    public static Optional<FormField> fieldAt(String path) {
        Matcher m = ROUTE_PATH.matcher(path == null ? "" : path);
        if (!m.matches()) {
            return Optional.empty();
        }
        int route = Integer.parseInt(m.group(1));
        String rest = m.group(2) == null ? "" : m.group(2);
        for (FieldSpec spec : RouteFields.ALL) {
            if (rest.equals(spec.key()) || rest.startsWith(spec.key() + ".")) {
                return Optional.of(new FormField(route, spec.key()));
            }
        }
        for (String part : List.of("match", "route", "mirror")) {
            if (rest.equals(part) || rest.startsWith(part + ".") || rest.startsWith(part + "[")) {
                return Optional.of(new FormField(route, part));
            }
        }
        return Optional.of(new FormField(route, ""));
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
        static FieldSpec spec(String key) {
            return ALL.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("no route field " + key + "; the fields are "
                            + ALL.stream().map(FieldSpec::key).toList()));
        }

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
