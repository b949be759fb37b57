package dev.meshdeck.connectors.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.meshdeck.connectors.kube.ListedJson.array;
import static dev.meshdeck.connectors.kube.ListedJson.field;
import static dev.meshdeck.connectors.kube.ListedJson.isObject;
import static dev.meshdeck.connectors.kube.ListedJson.next;
import static dev.meshdeck.connectors.kube.ListedJson.strings;
import static dev.meshdeck.connectors.kube.ListedJson.text;
import static dev.meshdeck.connectors.kube.ListedJson.texts;

/**
 * Listed objects as discovery sees them: only the fields it reads, read straight from the LIST's JSON stream
 * ({@link #reader}). fabric8's typed models are not built for discovery: decoding 40 MB of them costs several
 * times the transfer; the write path, the editor and the informers keep the full objects.
 */
final class Listed {

    private Listed() {
    }

    /** Reads one object of a kind, the parser on its START_OBJECT. */
    @FunctionalInterface
    interface Reader<T extends Item> {
        T read(JsonParser p) throws IOException;
    }

    /** An object by namespace and name. */
    interface Item {
        String namespace();

        String name();

        /** "namespace/name", the form {@link dev.meshdeck.core.inventory.MeshStatus} lists policies in. */
        default String qualifiedName() {
            return namespace() + "/" + name();
        }
    }

    /** An object whose labels selectors match; labels are empty, never null, when it has none. */
    interface Labelled extends Item {
        Map<String, String> labels();
    }

    /** Namespace, name and labels: all discovery needs of an OpenFaaS or Kubeless Function. */
    record Named(String namespace, String name, Map<String, String> labels) implements Labelled {

        static Named read(JsonParser p) throws IOException {
            Meta meta = Meta.within(p);
            return new Named(meta.namespace, meta.name, meta.labels);
        }
    }

    /**
     * @param sidecar Istio injected it: the injector's status annotation, or an {@code istio-proxy} container
     *                (Istio 1.19+ may inject the proxy as a native sidecar, i.e. an init container)
     * @param ready   its Ready condition is True
     */
    record Pod(String namespace, String name, Map<String, String> labels, boolean sidecar, boolean ready)
            implements Labelled {

        static final String SIDECAR_STATUS = "sidecar.istio.io/status";
        static final String PROXY = "istio-proxy";

        static Pod read(JsonParser p) throws IOException {
            Meta meta = Meta.NONE;
            boolean sidecar = false;
            boolean ready = false;
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    switch (f) {
                        case "metadata" -> meta = Meta.read(p, SIDECAR_STATUS);
                        case "spec" -> sidecar = runsProxy(p);
                        case "status" -> ready = isReady(p);
                        default -> p.skipChildren();
                    }
                }
            }
            return new Pod(meta.namespace, meta.name, meta.labels, meta.annotated || sidecar, ready);
        }

        private static boolean runsProxy(JsonParser p) throws IOException {
            boolean proxy = false;
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    if (f.equals("containers") || f.equals("initContainers")) {
                        proxy |= array(p, c -> texts(c, "name")[0]).contains(PROXY);
                    } else {
                        p.skipChildren();
                    }
                }
            }
            return proxy;
        }

        private static boolean isReady(JsonParser p) throws IOException {
            List<Condition> conditions = field(p, "conditions", c -> array(c, Condition::read));
            return conditions != null && conditions.stream().anyMatch(c -> "Ready".equals(c.type()) && "True".equals(c.status()));
        }
    }

    /** A status condition: its type and status ("True", "False", "Unknown"). */
    record Condition(String type, String status) {

        static Condition read(JsonParser p) throws IOException {
            String[] fields = texts(p, "type", "status");
            return new Condition(fields[0], fields[1]);
        }
    }

    /** An owner reference reduced to what says which controller made the object. */
    record Owner(String apiVersion, String kind) {

        static Owner read(JsonParser p) throws IOException {
            String[] fields = texts(p, "apiVersion", "kind");
            return new Owner(fields[0], fields[1]);
        }
    }

    /**
     * @param replicas      {@code spec.replicas}; null when not set (Kubernetes then runs one)
     * @param matchLabels   {@code spec.selector.matchLabels}, or null
     * @param podLabels     {@code spec.template.metadata.labels}, empty when none
     * @param readyReplicas {@code status.readyReplicas}; null when none is ready
     */
    record Deployment(String namespace, String name, Map<String, String> labels, List<Owner> owners, Integer replicas,
                      Map<String, String> matchLabels, Map<String, String> podLabels, Integer readyReplicas,
                      Map<String, String> describing) implements Labelled {

        /**
         * @param describing the labels that describe it as a function: its pod template's, overridden by its own.
         *                   Many charts label only the pods (the seed's {@code function-with-sidecar} does), and
         *                   the pods are what the mesh and kubectl's {@code -l} see.
         */
        Deployment {
            owners = List.copyOf(owners);
            podLabels = podLabels == null ? Map.of() : podLabels;
        }

        Deployment(String namespace, String name, Map<String, String> labels, List<Owner> owners, Integer replicas,
                   Map<String, String> matchLabels, Map<String, String> podLabels, Integer readyReplicas) {
            this(namespace, name, labels, owners, replicas, matchLabels, podLabels, readyReplicas,
                    describing(labels, podLabels == null ? Map.of() : podLabels));
        }

        private static Map<String, String> describing(Map<String, String> labels, Map<String, String> podLabels) {
            if (podLabels.isEmpty()) {
                return labels;
            }
            Map<String, String> merged = new HashMap<>(podLabels);
            merged.putAll(labels);
            return merged;
        }

        /** Its pod selector (matchLabels), falling back to its pod template labels. */
        Map<String, String> podSelector() {
            return matchLabels != null && !matchLabels.isEmpty() ? matchLabels : podLabels;
        }

        static Deployment read(JsonParser p) throws IOException {
            Meta meta = Meta.NONE;
            DeploymentSpec spec = DeploymentSpec.NONE;
            Integer readyReplicas = null;
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    switch (f) {
                        case "metadata" -> meta = Meta.read(p, null);
                        case "spec" -> spec = DeploymentSpec.read(p);
                        case "status" -> readyReplicas = field(p, "readyReplicas", ListedJson::integer);
                        default -> p.skipChildren();
                    }
                }
            }
            return new Deployment(meta.namespace, meta.name, meta.labels, meta.owners, spec.replicas, spec.matchLabels,
                    spec.podLabels, readyReplicas);
        }
    }

    private record DeploymentSpec(Integer replicas, Map<String, String> matchLabels, Map<String, String> podLabels) {

        static final DeploymentSpec NONE = new DeploymentSpec(null, null, null);

        static DeploymentSpec read(JsonParser p) throws IOException {
            Integer replicas = null;
            Map<String, String> matchLabels = null;
            Map<String, String> podLabels = null;
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    switch (f) {
                        case "replicas" -> replicas = ListedJson.integer(p);
                        case "selector" -> matchLabels = field(p, "matchLabels", ListedJson::strings);
                        case "template" -> podLabels = Meta.within(p).labels;
                        default -> p.skipChildren();
                    }
                }
            }
            return new DeploymentSpec(replicas, matchLabels, podLabels);
        }
    }

    /** @param readyAddresses the addresses of all its subsets (not-ready ones are listed apart) */
    record Endpoints(String namespace, String name, int readyAddresses) implements Item {

        static Endpoints read(JsonParser p) throws IOException {
            Meta meta = Meta.NONE;
            int ready = 0;
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    switch (f) {
                        case "metadata" -> meta = Meta.read(p, null);
                        case "subsets" -> ready = array(p, s -> field(s, "addresses", ListedJson::count)).stream()
                                .mapToInt(Integer::intValue).sum();
                        default -> p.skipChildren();
                    }
                }
            }
            return new Endpoints(meta.namespace, meta.name, ready);
        }
    }

    /** An Istio VirtualService: the hosts it routes and its http routes. */
    record VirtualService(String namespace, String name, List<String> hosts, List<HttpRoute> http) implements Item {

        VirtualService {
            hosts = List.copyOf(hosts);
            http = List.copyOf(http);
        }

        static VirtualService read(JsonParser p) throws IOException {
            Meta meta = Meta.NONE;
            List<String> hosts = List.of();
            List<HttpRoute> http = List.of();
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    switch (f) {
                        case "metadata" -> meta = Meta.read(p, null);
                        case "spec" -> {
                            if (isObject(p)) {
                                for (String g; (g = next(p)) != null; ) {
                                    switch (g) {
                                        case "hosts" -> hosts = array(p, ListedJson::text);
                                        case "http" -> http = array(p, HttpRoute::read);
                                        default -> p.skipChildren();
                                    }
                                }
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
            }
            return new VirtualService(meta.namespace, meta.name, hosts, http);
        }
    }

    /** @param matched it has {@code match} conditions: not a catch-all route */
    record HttpRoute(boolean matched, List<RouteDestination> route) {

        HttpRoute {
            route = List.copyOf(route);
        }

        static HttpRoute read(JsonParser p) throws IOException {
            boolean matched = false;
            List<RouteDestination> route = List.of();
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    switch (f) {
                        case "match" -> matched = ListedJson.count(p) > 0;
                        case "route" -> route = array(p, RouteDestination::read);
                        default -> p.skipChildren();
                    }
                }
            }
            return new HttpRoute(matched, route);
        }
    }

    /** @param hasDestination it names a {@code destination} (host and subset may still be absent) */
    record RouteDestination(boolean hasDestination, String host, String subset, Integer weight) {

        static RouteDestination read(JsonParser p) throws IOException {
            boolean hasDestination = false;
            String host = null;
            String subset = null;
            Integer weight = null;
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    switch (f) {
                        case "destination" -> {
                            hasDestination = p.currentToken() == JsonToken.START_OBJECT;
                            String[] destination = texts(p, "host", "subset");
                            host = destination[0];
                            subset = destination[1];
                        }
                        case "weight" -> weight = ListedJson.integer(p);
                        default -> p.skipChildren();
                    }
                }
            }
            return new RouteDestination(hasDestination, host, subset, weight);
        }
    }

    /** An Istio DestinationRule and the host it applies to. */
    record DestinationRule(String namespace, String name, String host) implements Item {

        static DestinationRule read(JsonParser p) throws IOException {
            Meta meta = Meta.NONE;
            String host = null;
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    switch (f) {
                        case "metadata" -> meta = Meta.read(p, null);
                        case "spec" -> host = texts(p, "host")[0];
                        default -> p.skipChildren();
                    }
                }
            }
            return new DestinationRule(meta.namespace, meta.name, host);
        }
    }

    /**
     * An Istio security policy (AuthorizationPolicy, PeerAuthentication, RequestAuthentication) reduced to what
     * decides where it applies.
     *
     * @param selector its workload selector's matchLabels; null or empty: every workload of its namespace
     */
    record Policy(String namespace, String name, Map<String, String> selector) implements Item {

        boolean selectsAll() {
            return selector == null || selector.isEmpty();
        }

        static Policy read(JsonParser p) throws IOException {
            Meta meta = Meta.NONE;
            Map<String, String> selector = null;
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    switch (f) {
                        case "metadata" -> meta = Meta.read(p, null);
                        case "spec" -> selector = field(p, "selector", s -> field(s, "matchLabels", ListedJson::strings));
                        default -> p.skipChildren();
                    }
                }
            }
            return new Policy(meta.namespace, meta.name, selector);
        }
    }

    /**
     * A Knative Service.
     *
     * @param specTraffic    {@code spec.traffic}, as declared
     * @param statusTraffic  {@code status.traffic}, as routed
     * @param latestReady    {@code status.latestReadyRevisionName}, or null
     * @param readyCondition the status of its Ready condition, "Unknown" when it has none
     */
    record KnativeService(String namespace, String name, Map<String, String> labels, List<Traffic> specTraffic,
                          List<Traffic> statusTraffic, String latestReady, String readyCondition) implements Labelled {

        KnativeService {
            specTraffic = List.copyOf(specTraffic);
            statusTraffic = List.copyOf(statusTraffic);
        }

        static KnativeService read(JsonParser p) throws IOException {
            Meta meta = Meta.NONE;
            List<Traffic> specTraffic = List.of();
            List<Traffic> statusTraffic = List.of();
            String latestReady = null;
            String ready = "Unknown";
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    switch (f) {
                        case "metadata" -> meta = Meta.read(p, null);
                        case "spec" -> {
                            List<Traffic> declared = field(p, "traffic", t -> array(t, Traffic::read));
                            specTraffic = declared == null ? List.of() : declared;
                        }
                        case "status" -> {
                            if (isObject(p)) {
                                for (String g; (g = next(p)) != null; ) {
                                    switch (g) {
                                        case "traffic" -> statusTraffic = array(p, Traffic::read);
                                        case "latestReadyRevisionName" -> latestReady = text(p);
                                        case "conditions" -> ready = array(p, Condition::read).stream()
                                                .filter(c -> "Ready".equals(c.type())).findFirst()
                                                .map(Condition::status).orElse("Unknown");
                                        default -> p.skipChildren();
                                    }
                                }
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
            }
            return new KnativeService(meta.namespace, meta.name, meta.labels, specTraffic, statusTraffic, latestReady, ready);
        }
    }

    /** A Knative traffic target. */
    record Traffic(String revisionName, Long percent, String tag) {

        static Traffic read(JsonParser p) throws IOException {
            String revision = null;
            Long percent = null;
            String tag = null;
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    switch (f) {
                        case "revisionName" -> revision = text(p);
                        case "percent" -> percent = ListedJson.longValue(p);
                        case "tag" -> tag = text(p);
                        default -> p.skipChildren();
                    }
                }
            }
            return new Traffic(revision, percent, tag);
        }
    }

    /**
     * What discovery reads of an object's metadata.
     *
     * @param annotated it carries the annotation asked for
     */
    private record Meta(String namespace, String name, Map<String, String> labels, List<Owner> owners, boolean annotated) {

        static final Meta NONE = new Meta(null, null, Map.of(), List.of(), false);

        /** @param annotation an annotation whose presence matters, or null */
        static Meta read(JsonParser p, String annotation) throws IOException {
            String namespace = null;
            String name = null;
            Map<String, String> labels = null;
            List<Owner> owners = List.of();
            boolean annotated = false;
            if (isObject(p)) {
                for (String f; (f = next(p)) != null; ) {
                    switch (f) {
                        case "namespace" -> namespace = text(p);
                        case "name" -> name = text(p);
                        case "labels" -> labels = strings(p);
                        case "ownerReferences" -> owners = array(p, Owner::read);
                        case "annotations" -> {
                            Map<String, String> annotations = annotation == null ? skip(p) : strings(p);
                            annotated = annotations != null && annotations.containsKey(annotation);
                        }
                        default -> p.skipChildren();
                    }
                }
            }
            return new Meta(namespace, name, labels == null ? Map.of() : labels, owners, annotated);
        }

        /** The metadata of an object or template ({@code {"metadata": {...}, "spec": ...}}), annotations unread. */
        static Meta within(JsonParser p) throws IOException {
            Meta meta = field(p, "metadata", m -> read(m, null));
            return meta == null ? NONE : meta;
        }

        private static Map<String, String> skip(JsonParser p) throws IOException {
            p.skipChildren();
            return null;
        }
    }
}
