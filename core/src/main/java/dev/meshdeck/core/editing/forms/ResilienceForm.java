package dev.meshdeck.core.editing.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.resilience.ConnectionPool;
import dev.meshdeck.core.resilience.DestinationPolicy;
import dev.meshdeck.core.resilience.LoadBalancer;
import dev.meshdeck.core.resilience.LoadBalancing;
import dev.meshdeck.core.resilience.LocalityLoadBalancing;
import dev.meshdeck.core.resilience.OutlierDetection;
import dev.meshdeck.core.resilience.ResiliencePolicy;
import dev.meshdeck.core.resilience.Subset;
import dev.meshdeck.core.resilience.TlsSettings;
import dev.meshdeck.core.routing.IstioDuration;
import dev.meshdeck.core.yaml.PolicyDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlRenderer;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettings;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The Resilience editor's model over one DestinationRule: circuit breaker (every connectionPool and
 * outlierDetection field, addressed generically by {@link FieldSpec} key), load balancer with locality
 * tables, subsets and TLS mode of the host-level traffic policy.
 *
 * <p>Immutable: every {@code with...} returns a new form. The candidate keeps everything the form does not
 * edit (port-level settings, subset policies, unknown fields, annotations, key order).
 */
public final class ResilienceForm {

    public static final String KIND = "DestinationRule";

    private final JsonNode live;
    private final PolicyDocument base;
    private final DestinationPolicy policy;

    private ResilienceForm(JsonNode live, PolicyDocument base, DestinationPolicy policy) {
        this.live = live;
        this.base = base;
        this.policy = policy;
    }

    public static ResilienceForm of(JsonNode destinationRule) {
        Trees.requireKind(destinationRule, KIND);
        PolicyDocument document = PolicyDocument.of(destinationRule);
        return new ResilienceForm(destinationRule.deepCopy(), document,
                DestinationPolicy.from(document.as(DestinationRule.class)));
    }

    /**
     * A new DestinationRule for a function that has none, as the sandbox's functions are set up: least-
     * connection load balancing and outlier detection ejecting an endpoint after 5 consecutive 5xx.
     */
    public static ResilienceForm newFor(FunctionTarget function) {
        ResiliencePolicy defaults = new ResiliencePolicy(
                LoadBalancing.of(LoadBalancer.simple(LoadBalancer.Algorithm.LEAST_CONN)), null,
                OutlierDetection.ejectAfter(5, IstioDuration.ofSeconds(30), IstioDuration.ofSeconds(60), 50), null);
        ObjectNode skeleton = Trees.MAPPER.createObjectNode();
        skeleton.put("apiVersion", "networking.istio.io/v1");
        skeleton.put("kind", KIND);
        ObjectNode metadata = skeleton.putObject("metadata");
        metadata.put("name", function.name());
        metadata.put("namespace", function.namespace());
        metadata.putObject("labels").put("app", function.name());
        skeleton.putObject("spec").put("host", function.host());
        return new ResilienceForm(null, PolicyDocument.of(skeleton),
                new DestinationPolicy(function.namespace(), function.name(), function.host(), defaults, List.of()));
    }

    /** Follows an edit of the YAML text (see {@link RoutingForm#fromYaml}). */
    public ResilienceForm fromYaml(String yaml) throws YamlProblem {
        ResilienceForm parsed = of(Trees.read(yaml, KIND));
        return new ResilienceForm(live, parsed.base, parsed.policy);
    }

    // ---- state ----

    public DestinationPolicy policy() {
        return policy;
    }

    public ResiliencePolicy trafficPolicy() {
        return policy.trafficPolicy();
    }

    public JsonNode live() {
        return live == null ? null : live.deepCopy();
    }

    public boolean isNew() {
        return live == null;
    }

    // ---- circuit breaker, field by field ----

    /** Every connectionPool and outlierDetection field, in the order a view shows them. */
    public static List<FieldSpec> circuitBreakerFields() {
        return CircuitBreakerFields.ALL;
    }

    public static FieldSpec circuitBreakerField(String key) {
        return CircuitBreakerFields.spec(key);
    }

    /** The typed value of a circuit-breaker field (see {@link FieldSpec#parse}), null when unset. */
    public Object value(String key) {
        FieldSpec spec = CircuitBreakerFields.spec(key);
        JsonNode node = breakerTree().at(pointer(key));
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (spec.kind() == FieldSpec.Kind.INTEGER_LIST) {
            List<Long> values = new ArrayList<>();
            node.forEach(n -> values.add(n.asLong()));
            return List.copyOf(values);
        }
        // read without the range check: a live value outside the sane range must still show
        switch (spec.kind()) {
            case INTEGER:
                return node.asLong();
            case BOOLEAN:
                return node.asBoolean();
            case DURATION:
                return IstioDuration.parse(node.asText());
            default:
                return node.asText();
        }
    }

    /** The text a control shows for the field; "" when unset. */
    public String text(String key) {
        return CircuitBreakerFields.spec(key).format(value(key));
    }

    /** Why {@code text} cannot go into the field, or empty. */
    public java.util.Optional<String> problem(String key, String text) {
        return CircuitBreakerFields.spec(key).problem(text);
    }

    /**
     * Sets a circuit-breaker field from the text the user typed; blank clears it (Istio's default).
     *
     * @throws IllegalArgumentException with the field's message when the text is not a valid value
     */
    public ResilienceForm withValue(String key, String text) {
        return withTypedValue(key, CircuitBreakerFields.spec(key).parse(text));
    }

    private ResilienceForm withTypedValue(String key, Object value) {
        ObjectNode tree = breakerTree();
        String[] parts = key.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
        }
        String field = parts[parts.length - 1];
        if (value == null) {
            parent.remove(field);
        } else if (value instanceof Long l) {
            parent.put(field, l);
        } else if (value instanceof Boolean b) {
            parent.put(field, b);
        } else if (value instanceof List<?> list) {
            ArrayNode array = parent.putArray(field);
            list.forEach(v -> array.add((Long) v));
        } else {
            parent.put(field, value.toString());
        }
        prune(tree);
        return withTrafficPolicy(trafficPolicy()
                .withConnectionPool(connectionPool(tree.get("connectionPool")))
                .withOutlierDetection(outlierDetection(tree.get("outlierDetection"))));
    }

    /**
     * The "tighten" preset, a stricter circuit breaker that never loosens a setting: connection, queue,
     * request and retry limits are halved (strict values when unset: 100 connections, 10 pending, 100
     * active requests, 3 retries); connect timeout at most 1s; an endpoint is ejected after half as many
     * consecutive 5xx (rounded up; 3 when unset), checked at least every 10s, for at least 30s; at most
     * 50% of endpoints ejected when unset.
     */
    public ResilienceForm tightened() {
        ResilienceForm f = this;
        f = f.halved("connectionPool.tcp.maxConnections", 100);
        f = f.halved("connectionPool.http.http1MaxPendingRequests", 10);
        f = f.halved("connectionPool.http.http2MaxRequests", 100);
        f = f.halved("connectionPool.http.maxRetries", 3);
        f = f.atMost("connectionPool.tcp.connectTimeout", IstioDuration.ofSeconds(1));
        Long errors = (Long) f.value("outlierDetection.consecutive5xxErrors");
        f = f.withTypedValue("outlierDetection.consecutive5xxErrors", errors == null ? 3L : Math.max(1L, (errors + 1) / 2));
        f = f.atMost("outlierDetection.interval", IstioDuration.ofSeconds(10));
        IstioDuration ejection = (IstioDuration) f.value("outlierDetection.baseEjectionTime");
        IstioDuration minEjection = IstioDuration.ofSeconds(30);
        f = f.withTypedValue("outlierDetection.baseEjectionTime",
                ejection == null || ejection.compareTo(minEjection) < 0 ? minEjection : ejection);
        if (f.value("outlierDetection.maxEjectionPercent") == null) {
            f = f.withTypedValue("outlierDetection.maxEjectionPercent", 50L);
        }
        return f;
    }

    private ResilienceForm halved(String key, long whenUnset) {
        Long current = (Long) value(key);
        return withTypedValue(key, current == null ? whenUnset : Math.max(1L, current / 2));
    }

    private ResilienceForm atMost(String key, IstioDuration limit) {
        IstioDuration current = (IstioDuration) value(key);
        return withTypedValue(key, current == null || current.compareTo(limit) > 0 ? limit : current);
    }

    /** Removes the whole circuit breaker (connection pool and outlier detection). */
    public ResilienceForm withoutCircuitBreaker() {
        return withTrafficPolicy(trafficPolicy().withConnectionPool(null).withOutlierDetection(null));
    }

    // ---- load balancing ----

    /** The algorithm (simple or consistent hash), null when unset (Istio's default: LEAST_REQUEST). */
    public LoadBalancer loadBalancer() {
        LoadBalancing lb = trafficPolicy().loadBalancing();
        return lb == null ? null : lb.algorithm();
    }

    public ResilienceForm withLoadBalancer(LoadBalancer algorithm) {
        LoadBalancing lb = trafficPolicy().loadBalancing();
        return withLoadBalancing(lb == null ? LoadBalancing.of(algorithm)
                : new LoadBalancing(algorithm, lb.locality(), lb.warmupDuration()));
    }

    /** The locality distribute and failover tables, empty when locality load balancing is not configured. */
    public LocalityTable localityTable() {
        LoadBalancing lb = trafficPolicy().loadBalancing();
        return LocalityTable.from(lb == null ? null : lb.locality());
    }

    /**
     * Applies the locality tables; an empty table removes the locality setting.
     *
     * @throws IllegalArgumentException naming every problem when a {@code from} does not total 100, a row is
     *                                  incomplete, or both tables are filled
     */
    public ResilienceForm withLocality(LocalityTable table) {
        LoadBalancing lb = trafficPolicy().loadBalancing();
        LocalityLoadBalancing before = lb == null ? null : lb.locality();
        LocalityLoadBalancing locality = table.toLocality(before == null || before.enabled() == null ? Boolean.TRUE
                : before.enabled(), before == null ? List.of() : before.failoverPriority());
        return withLoadBalancing(lb == null ? new LoadBalancing(null, locality, null) : lb.withLocality(locality));
    }

    private ResilienceForm withLoadBalancing(LoadBalancing lb) {
        boolean empty = lb == null || (lb.algorithm() == null && lb.locality() == null && lb.warmupDuration() == null);
        return withTrafficPolicy(trafficPolicy().withLoadBalancing(empty ? null : lb));
    }

    // ---- subsets and TLS ----

    public List<Subset> subsets() {
        return policy.subsets();
    }

    /** Adds the subset, or replaces the one with the same name in place. */
    public ResilienceForm withSubset(Subset subset) {
        return new ResilienceForm(live, base, policy.withSubset(subset));
    }

    /** Subset {@code version} selecting pods labelled {@code version: <version>}. */
    public ResilienceForm addingVersionSubset(String version) {
        if (policy.indexOf(version) >= 0) {
            throw new IllegalArgumentException("subset '" + version + "' already exists");
        }
        return withSubset(Subset.ofVersion(version));
    }

    public ResilienceForm removingSubset(String name) {
        if (policy.indexOf(name) < 0) {
            throw new IllegalArgumentException("no subset '" + name + "'; the subsets are "
                    + subsets().stream().map(Subset::name).toList());
        }
        return new ResilienceForm(live, base, policy.removingSubset(name));
    }

    /** Null when the DestinationRule leaves TLS to the mesh (auto mTLS). */
    public TlsSettings.Mode tlsMode() {
        return trafficPolicy().tls() == null ? null : trafficPolicy().tls().mode();
    }

    /** Sets the TLS mode keeping the other TLS settings; null removes the TLS section. */
    public ResilienceForm withTlsMode(TlsSettings.Mode mode) {
        TlsSettings t = trafficPolicy().tls();
        TlsSettings next = mode == null ? null : t == null ? TlsSettings.of(mode)
                : new TlsSettings(mode, t.sni(), t.caCertificates(), t.clientCertificate(), t.privateKey(),
                t.credentialName(), t.subjectAltNames(), t.insecureSkipVerify(), t.caCrl());
        return withTrafficPolicy(trafficPolicy().withTls(next));
    }

    /** Load balancer algorithm and TLS mode as generic controls. */
    public static List<FieldSpec> policyFields() {
        return List.of(
                FieldSpec.choice("loadBalancer.simple", "Load balancer", FieldSpec.names(LoadBalancer.Algorithm.values()),
                        "How each sidecar picks an endpoint: LEAST_REQUEST favours endpoints with fewer active "
                                + "requests, LEAST_CONN is its older name, ROUND_ROBIN takes turns, RANDOM picks at "
                                + "random, PASSTHROUGH keeps the caller's address. Istio's default: LEAST_REQUEST."),
                FieldSpec.choice("tls.mode", "TLS mode", FieldSpec.names(TlsSettings.Mode.values()),
                        "How the client sidecar talks to the destination: ISTIO_MUTUAL (mesh mTLS), MUTUAL or SIMPLE "
                                + "(your certificates), DISABLE (plain text). Istio's default: auto mTLS when unset."));
    }

    public ResilienceForm withTrafficPolicy(ResiliencePolicy trafficPolicy) {
        return new ResilienceForm(live, base, policy.withTrafficPolicy(trafficPolicy));
    }


    /**
     * The field a finding's path points at: a circuit-breaker key ({@code spec.trafficPolicy.connectionPool.tcp
     * .maxConnections}), "loadBalancer.simple", "tls.mode" or "locality"; empty for anything else.
     */
    public static java.util.Optional<FormField> fieldAt(String path) {
        String prefix = "spec.trafficPolicy.";
        if (path == null || !path.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        String rest = path.substring(prefix.length());
        for (FieldSpec spec : CircuitBreakerFields.ALL) {
            if (rest.equals(spec.key()) || rest.startsWith(spec.key() + ".") || rest.startsWith(spec.key() + "[")) {
                return java.util.Optional.of(FormField.of(spec.key()));
            }
        }
        if (rest.startsWith("loadBalancer.localityLbSetting")) {
            return java.util.Optional.of(FormField.of("locality"));
        }
        if (rest.startsWith("loadBalancer")) {
            return java.util.Optional.of(FormField.of("loadBalancer.simple"));
        }
        return rest.startsWith("tls") ? java.util.Optional.of(FormField.of("tls.mode")) : java.util.Optional.empty();
    }

    // ---- output ----

    public ObjectNode candidate() {
        ObjectNode tree = base.tree();
        ObjectNode spec = tree.has("spec") && tree.get("spec").isObject() ? (ObjectNode) tree.get("spec") : tree.putObject("spec");
        JsonNode current = spec.get("subsets");
        if (!subsets().isEmpty() || current != null) {
            List<Integer> origins = new ArrayList<>();
            List<ObjectNode> fresh = new ArrayList<>();
            for (Subset s : subsets()) {
                origins.add(indexByName(current, s.name()));
                fresh.add(Trees.nameFirst(new io.fabric8.istio.api.api.networking.v1alpha3.SubsetBuilder()
                        .withName(s.name()).withLabels(s.labels().isEmpty() ? null : s.labels()).build()));
            }
            spec.set("subsets", Trees.aligned(current, origins, fresh));
        }
        PolicyDocument aligned = PolicyDocument.of(tree);
        return aligned.edit(policy.applyTo(aligned.as(DestinationRule.class))).tree();
    }

    public String candidateYaml() {
        return YamlRenderer.render(YamlRenderer.forReview(candidate()));
    }

    public boolean changed() {
        return live == null || !live.equals(candidate());
    }

    private static int indexByName(JsonNode array, String name) {
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                if (name.equals(array.get(i).path("name").asText(null))) {
                    return i;
                }
            }
        }
        return -1;
    }

    private ObjectNode breakerTree() {
        ObjectNode tree = Trees.MAPPER.createObjectNode();
        ConnectionPool cp = trafficPolicy().connectionPool();
        if (cp != null) {
            tree.set("connectionPool", Trees.MAPPER.valueToTree(cp.toFabric8()));
        }
        OutlierDetection od = trafficPolicy().outlierDetection();
        if (od != null) {
            tree.set("outlierDetection", Trees.MAPPER.valueToTree(od.toFabric8()));
        }
        return tree;
    }

    private static String pointer(String key) {
        return "/" + key.replace('.', '/');
    }

    /** Drops objects left empty by clearing fields, so no {@code tcp: {}} reaches the YAML. */
    private static boolean prune(JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        List<String> empty = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            JsonNode child = node.get(name);
            if (child.isNull() || (child.isObject() && prune(child))) {
                empty.add(name);
            }
        });
        empty.forEach(((ObjectNode) node)::remove);
        return node.isEmpty();
    }

    private static ConnectionPool connectionPool(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return ConnectionPool.from(Trees.MAPPER.treeToValue(node, ConnectionPoolSettings.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("connection pool cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static OutlierDetection outlierDetection(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return OutlierDetection.from(Trees.MAPPER.treeToValue(node,
                    io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outlier detection cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
