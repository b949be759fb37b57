package dev.meshdeck.core.editing.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.authz.AccessPolicy;
import dev.meshdeck.core.authz.AccessRule;
import dev.meshdeck.core.authz.JwtRule;
import dev.meshdeck.core.authz.PeerAuthenticationPolicy;
import dev.meshdeck.core.authz.RequestAuthenticationPolicy;
import dev.meshdeck.core.authz.RequestSource;
import dev.meshdeck.core.yaml.PolicyDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlRenderer;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Security editor's model over one security object: an AuthorizationPolicy (action, selector and the
 * rule builder: from / to / when, each with its {@code not*} forms), a PeerAuthentication (mTLS mode,
 * per-port modes) or a RequestAuthentication (JWT issuers). {@link #kind()} says which; operations for
 * another kind are refused with a message saying where they belong.
 *
 * <p>Immutable: every {@code with...} returns a new form. The candidate keeps what the form does not edit
 * (targetRefs, jwks, outputClaimToHeaders, unknown fields, annotations, key order); a rule keeps its
 * own untouched fields when others are added or removed.
 */
public final class SecurityForm {

    public enum Kind {
        AUTHORIZATION_POLICY("AuthorizationPolicy"),
        PEER_AUTHENTICATION("PeerAuthentication"),
        REQUEST_AUTHENTICATION("RequestAuthentication");

        private final String kind;

        Kind(String kind) {
            this.kind = kind;
        }

        public String kindName() {
            return kind;
        }

        static Kind of(JsonNode object) {
            String k = object.path("kind").asText("");
            for (Kind v : values()) {
                if (v.kind.equals(k)) {
                    return v;
                }
            }
            Trees.requireKind(object, AUTHORIZATION_POLICY.kind, PEER_AUTHENTICATION.kind, REQUEST_AUTHENTICATION.kind);
            throw new IllegalStateException("unreachable");
        }
    }

    private final JsonNode live;
    private final PolicyDocument base;
    private final Kind kind;
    private final AccessPolicy access;
    private final String provider;
    private final PeerAuthenticationPolicy peer;
    private final RequestAuthenticationPolicy jwt;
    /** For each rule (authorization rules or JWT rules): its index in base's list, or -1 when added. */
    private final List<Integer> origins;

    private SecurityForm(JsonNode live, PolicyDocument base, Kind kind, AccessPolicy access, String provider,
                         PeerAuthenticationPolicy peer, RequestAuthenticationPolicy jwt, List<Integer> origins) {
        this.live = live;
        this.base = base;
        this.kind = kind;
        this.access = access;
        this.provider = provider;
        this.peer = peer;
        this.jwt = jwt;
        this.origins = List.copyOf(origins);
    }

    /** The form over a live AuthorizationPolicy, PeerAuthentication or RequestAuthentication. */
    public static SecurityForm of(JsonNode object) {
        Kind kind = Kind.of(object);
        PolicyDocument document = PolicyDocument.of(object);
        JsonNode copy = object.deepCopy();
        switch (kind) {
            case AUTHORIZATION_POLICY: {
                AccessPolicy p = AccessPolicy.from(document.as(AuthorizationPolicy.class));
                String provider = object.at("/spec/provider/name").asText(null);
                return new SecurityForm(copy, document, kind, p, provider, null, null, Trees.identity(p.rules().size()));
            }
            case PEER_AUTHENTICATION:
                return new SecurityForm(copy, document, kind, null, null,
                        PeerAuthenticationPolicy.from(document.as(PeerAuthentication.class)), null, List.of());
            default: {
                RequestAuthenticationPolicy p = RequestAuthenticationPolicy.from(document.as(RequestAuthentication.class));
                return new SecurityForm(copy, document, kind, null, null, null, p, Trees.identity(p.jwtRules().size()));
            }
        }
    }

    /**
     * A new AuthorizationPolicy for a function: ALLOW, selecting the function's pods by their
     * label, with one rule letting in requests from the function's own namespace.
     */
    public static SecurityForm newAuthorizationPolicy(FunctionTarget function) {
        AccessPolicy p = AccessPolicy.allow(function.namespace(), function.name(), function.selector(),
                AccessRule.anyRequest().withSource(RequestSource.namespaces(function.namespace())));
        return new SecurityForm(null, skeleton(Kind.AUTHORIZATION_POLICY, function), Kind.AUTHORIZATION_POLICY, p, null,
                null, null, List.of(-1));
    }

    /** A new PeerAuthentication for a function: STRICT mTLS on its pods. */
    public static SecurityForm newPeerAuthentication(FunctionTarget function) {
        PeerAuthenticationPolicy p = new PeerAuthenticationPolicy(function.namespace(), function.name(),
                function.selector(), PeerAuthenticationPolicy.MtlsMode.STRICT, Map.of());
        return new SecurityForm(null, skeleton(Kind.PEER_AUTHENTICATION, function), Kind.PEER_AUTHENTICATION, null, null,
                p, null, List.of());
    }

    /** A new RequestAuthentication for a function's pods, with no issuer yet: add one with {@link #addingJwtRule}. */
    public static SecurityForm newRequestAuthentication(FunctionTarget function) {
        RequestAuthenticationPolicy p = new RequestAuthenticationPolicy(function.namespace(), function.name(),
                function.selector(), List.of());
        return new SecurityForm(null, skeleton(Kind.REQUEST_AUTHENTICATION, function), Kind.REQUEST_AUTHENTICATION, null,
                null, null, p, List.of());
    }

    private static PolicyDocument skeleton(Kind kind, FunctionTarget function) {
        ObjectNode tree = Trees.MAPPER.createObjectNode();
        tree.put("apiVersion", "security.istio.io/v1");
        tree.put("kind", kind.kindName());
        ObjectNode metadata = tree.putObject("metadata");
        metadata.put("name", function.name());
        metadata.put("namespace", function.namespace());
        metadata.putObject("labels").put("app", function.name());
        tree.putObject("spec");
        return PolicyDocument.of(tree);
    }

    /** Follows an edit of the YAML text (see {@link RoutingForm#fromYaml}); the kind must stay the same. */
    public SecurityForm fromYaml(String yaml) throws YamlProblem {
        SecurityForm parsed = of(Trees.read(yaml, kind.kindName()));
        return new SecurityForm(live, parsed.base, kind, parsed.access, parsed.provider, parsed.peer, parsed.jwt,
                parsed.origins);
    }

    public Kind kind() {
        return kind;
    }

    public JsonNode live() {
        return live == null ? null : live.deepCopy();
    }

    public boolean isNew() {
        return live == null;
    }

    /** The workloads' {@code matchLabels}; empty: every workload of the namespace. */
    public Map<String, String> selector() {
        switch (kind) {
            case AUTHORIZATION_POLICY:
                return access.selector();
            case PEER_AUTHENTICATION:
                return peer.selector();
            default:
                return jwt.selector();
        }
    }

    public SecurityForm withSelector(Map<String, String> matchLabels) {
        switch (kind) {
            case AUTHORIZATION_POLICY:
                return withAccess(new AccessPolicy(access.namespace(), access.name(), access.action(), matchLabels,
                        access.rules()), provider, origins);
            case PEER_AUTHENTICATION:
                return withPeer(new PeerAuthenticationPolicy(peer.namespace(), peer.name(), matchLabels, peer.mode(),
                        peer.portLevelMtls()));
            default:
                return withJwt(new RequestAuthenticationPolicy(jwt.namespace(), jwt.name(), matchLabels, jwt.jwtRules()),
                        origins);
        }
    }

    // ---- AuthorizationPolicy ----

    public AccessPolicy accessPolicy() {
        require(Kind.AUTHORIZATION_POLICY, "the authorization rule builder");
        return access;
    }

    public AccessPolicy.Action action() {
        return accessPolicy().action();
    }

    /** The extension provider of a CUSTOM policy, else null. */
    public String provider() {
        require(Kind.AUTHORIZATION_POLICY, "the authorization provider");
        return provider;
    }

    /** ALLOW, DENY or AUDIT; use {@link #withCustomAction} for CUSTOM. */
    public SecurityForm withAction(AccessPolicy.Action action) {
        if (action == AccessPolicy.Action.CUSTOM) {
            throw new IllegalArgumentException("a CUSTOM policy delegates to an extension provider: name it with "
                    + "withCustomAction(provider)");
        }
        return withAccess(accessPolicy().withAction(action), null, origins);
    }

    /** CUSTOM: requests matching the rules are checked by {@code provider}, an extension provider of the mesh config. */
    public SecurityForm withCustomAction(String provider) {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("a CUSTOM policy needs the name of an extensionProvider from the mesh config");
        }
        return withAccess(accessPolicy().withAction(AccessPolicy.Action.CUSTOM), provider, origins);
    }

    public List<AccessRule> rules() {
        return accessPolicy().rules();
    }

    public SecurityForm addingRule(AccessRule rule) {
        return withAccess(accessPolicy().addingRule(rule), provider, Trees.inserting(origins, origins.size(), -1));
    }

    public SecurityForm withRule(int index, AccessRule rule) {
        return withAccess(accessPolicy().withRule(index, rule), provider, origins);
    }

    public SecurityForm removingRule(int index) {
        AccessPolicy p = accessPolicy();
        return withAccess(new AccessPolicy(p.namespace(), p.name(), p.action(), p.selector(),
                Trees.removing(p.rules(), index)), provider, Trees.removing(origins, index));
    }

    /** Field metadata of the rule builder's lists (from, to, when), for generic list controls. */
    public static List<FieldSpec> ruleFields() {
        return RuleFields.ALL;
    }

    // ---- PeerAuthentication ----

    public PeerAuthenticationPolicy peerAuthentication() {
        require(Kind.PEER_AUTHENTICATION, "mTLS mode");
        return peer;
    }

    /** Null: inherit from the namespace or mesh-wide policy. */
    public SecurityForm withMtlsMode(PeerAuthenticationPolicy.MtlsMode mode) {
        return withPeer(peerAuthentication().withMode(mode));
    }

    /** A mode for one port; null removes the port's own mode. */
    public SecurityForm withPortMtlsMode(int port, PeerAuthenticationPolicy.MtlsMode mode) {
        PeerAuthenticationPolicy p = peerAuthentication();
        if (mode != null) {
            return withPeer(p.withPortMode(port, mode));
        }
        Map<Integer, PeerAuthenticationPolicy.MtlsMode> ports = new LinkedHashMap<>(p.portLevelMtls());
        ports.remove(port);
        return withPeer(new PeerAuthenticationPolicy(p.namespace(), p.name(), p.selector(), p.mode(), ports));
    }

    // ---- RequestAuthentication ----

    public List<JwtRule> jwtRules() {
        require(Kind.REQUEST_AUTHENTICATION, "JWT issuers");
        return jwt.jwtRules();
    }

    public SecurityForm addingJwtRule(JwtRule rule) {
        jwtRules().stream().filter(r -> r.issuer().equals(rule.issuer())).findFirst().ifPresent(r -> {
            throw new IllegalArgumentException("issuer " + rule.issuer() + " is already accepted; edit its rule instead");
        });
        return withJwt(jwt.addingRule(rule), Trees.inserting(origins, origins.size(), -1));
    }

    public SecurityForm withJwtRule(int index, JwtRule rule) {
        return withJwt(new RequestAuthenticationPolicy(jwt.namespace(), jwt.name(), jwt.selector(),
                Trees.with(jwtRules(), index, rule)), origins);
    }

    public SecurityForm removingJwtRule(int index) {
        return withJwt(new RequestAuthenticationPolicy(jwt.namespace(), jwt.name(), jwt.selector(),
                Trees.removing(jwtRules(), index)), Trees.removing(origins, index));
    }


    /** The JWT issuer editor's fields, for generic controls (see {@link JwtIssuerEntry}). */
    public static List<FieldSpec> jwtFields() {
        return JwtIssuerEntry.FIELDS;
    }

    /**
     * Where a finding's path lands: an authorization rule ({@code spec.rules[1]...}: index 1, key "rules"), a JWT
     * issuer (key "jwtRules"), or "action", "provider", "mtls", "selector"; empty for anything else.
     */
    public static java.util.Optional<FormField> fieldAt(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^spec\\.(rules|jwtRules)\\[(\\d+)].*$")
                .matcher(path == null ? "" : path);
        if (m.matches()) {
            return java.util.Optional.of(new FormField(Integer.parseInt(m.group(2)), m.group(1)));
        }
        for (String key : List.of("action", "provider", "mtls", "selector", "rules", "jwtRules")) {
            if (path != null && (path.equals("spec." + key) || path.startsWith("spec." + key + "."))) {
                return java.util.Optional.of(FormField.of(key));
            }
        }
        return java.util.Optional.empty();
    }

    // ---- problems and output ----

    /** What makes the object ineffective or surprising, for the findings list next to the validator's. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (kind == Kind.AUTHORIZATION_POLICY && access.action() == AccessPolicy.Action.ALLOW && access.rules().isEmpty()) {
            problems.add("an ALLOW policy without rules denies every request to the selected workloads");
        }
        if (kind == Kind.PEER_AUTHENTICATION && !peer.portLevelMtls().isEmpty() && peer.selector().isEmpty()) {
            problems.add("Istio ignores port-level mTLS without a selector: select the function's pods");
        }
        if (kind == Kind.REQUEST_AUTHENTICATION && jwt.jwtRules().isEmpty()) {
            problems.add("no JWT issuer yet: add the issuer whose tokens the function accepts");
        }
        return problems;
    }

    public ObjectNode candidate() {
        ObjectNode tree = base.tree();
        ObjectNode spec = tree.has("spec") && tree.get("spec").isObject() ? (ObjectNode) tree.get("spec") : tree.putObject("spec");
        switch (kind) {
            case AUTHORIZATION_POLICY: {
                List<JsonNode> fresh = new ArrayList<>();
                access.rules().forEach(r -> fresh.add(Trees.MAPPER.valueToTree(r.toFabric8())));
                if (!access.rules().isEmpty() || spec.has("rules")) {
                    spec.set("rules", Trees.aligned(spec.get("rules"), origins, fresh));
                }
                if (provider == null) {
                    spec.remove("provider");
                } else if (!provider.equals(spec.at("/provider/name").asText(null))) {
                    spec.putObject("provider").put("name", provider);
                }
                PolicyDocument aligned = PolicyDocument.of(tree);
                return aligned.edit(access.applyTo(aligned.as(AuthorizationPolicy.class))).tree();
            }
            case PEER_AUTHENTICATION: {
                PolicyDocument doc = PolicyDocument.of(tree);
                return doc.edit(peer.applyTo(doc.as(PeerAuthentication.class))).tree();
            }
            default: {
                List<JsonNode> fresh = new ArrayList<>();
                jwt.jwtRules().forEach(r -> fresh.add(Trees.MAPPER.valueToTree(r.toFabric8())));
                if (!jwt.jwtRules().isEmpty() || spec.has("jwtRules")) {
                    spec.set("jwtRules", Trees.aligned(spec.get("jwtRules"), origins, fresh));
                }
                PolicyDocument aligned = PolicyDocument.of(tree);
                return aligned.edit(jwt.applyTo(aligned.as(RequestAuthentication.class))).tree();
            }
        }
    }

    public String candidateYaml() {
        return YamlRenderer.render(YamlRenderer.forReview(candidate()));
    }

    public boolean changed() {
        return live == null || !live.equals(candidate());
    }

    private void require(Kind wanted, String what) {
        if (kind != wanted) {
            throw new IllegalStateException(what + " belongs to a " + wanted.kindName() + "; this form edits a "
                    + kind.kindName());
        }
    }

    private SecurityForm withAccess(AccessPolicy p, String newProvider, List<Integer> newOrigins) {
        return new SecurityForm(live, base, kind, p, newProvider, null, null, newOrigins);
    }

    private SecurityForm withPeer(PeerAuthenticationPolicy p) {
        return new SecurityForm(live, base, kind, null, null, p, null, origins);
    }

    private SecurityForm withJwt(RequestAuthenticationPolicy p, List<Integer> newOrigins) {
        return new SecurityForm(live, base, kind, null, null, null, p, newOrigins);
    }

    /** The rule builder's list fields. */
    static final class RuleFields {
        static final List<FieldSpec> ALL = List.of(
                FieldSpec.text("from.principals", "Principals", "Workload identities allowed as sources, e.g. "
                        + "cluster.local/ns/frontend/sa/web-bff (needs mTLS). Istio's default: any source."),
                FieldSpec.text("from.notPrincipals", "Not principals", "Workload identities excluded as sources."),
                FieldSpec.text("from.namespaces", "Namespaces", "Source namespaces (needs mTLS). Istio's default: any."),
                FieldSpec.text("from.notNamespaces", "Not namespaces", "Source namespaces excluded, e.g. payments."),
                FieldSpec.text("from.ipBlocks", "IP blocks", "Source IPs or CIDRs as the sidecar sees them, e.g. "
                        + "10.0.0.0/16. Istio's default: any."),
                FieldSpec.text("from.notIpBlocks", "Not IP blocks", "Source IPs or CIDRs excluded."),
                FieldSpec.text("from.requestPrincipals", "Request principals", "JWT identities as iss/sub, e.g. "
                        + "https://issuer.example/*; needs a RequestAuthentication. Istio's default: any."),
                FieldSpec.text("to.methods", "Methods", "HTTP methods, e.g. GET, DELETE. Istio's default: any."),
                FieldSpec.text("to.notMethods", "Not methods", "HTTP methods excluded."),
                FieldSpec.text("to.paths", "Paths", "Request paths; * allowed at the start or end, e.g. /api/*. "
                        + "Istio's default: any."),
                FieldSpec.text("to.notPaths", "Not paths", "Request paths excluded."),
                FieldSpec.text("to.ports", "Ports", "Destination ports as strings, e.g. 8080. Istio's default: any."),
                FieldSpec.text("to.notPorts", "Not ports", "Destination ports excluded."),
                FieldSpec.text("to.hosts", "Hosts", "Host header values, e.g. shop.example.com. Istio's default: any."),
                FieldSpec.text("to.notHosts", "Not hosts", "Host header values excluded."),
                FieldSpec.text("when.key", "Condition", "A request attribute, e.g. request.auth.claims[groups], "
                        + "request.headers[x-user-tier], source.ip."),
                FieldSpec.text("when.values", "Values", "The condition holds when the attribute matches one of these."),
                FieldSpec.text("when.notValues", "Not values", "The condition fails when the attribute matches one of these."));

        private RuleFields() {
        }
    }
}
