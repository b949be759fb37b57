package dev.meshdeck.core.validation.rules.webhook.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A field of a candidate Istio policy (AuthorizationPolicy, PeerAuthentication, RequestAuthentication, Telemetry)
 * with the JSON pointer a finding on it is reported at, so the webhook rules walk nested lists and maps without
 * building pointers by hand. The pointer is only written out when a finding needs it: most fields are fine.
 */
public final class PolicyNode {

    /** The kinds whose workloads are chosen by {@code selector.matchLabels}. */
    public static final List<String> SELECTING_KINDS =
            List.of("AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication", "Telemetry");
    /** The kinds that may instead attach to a Service or Gateway by {@code targetRef}/{@code targetRefs}. */
    public static final List<String> TARGETING_KINDS = List.of("AuthorizationPolicy", "RequestAuthentication", "Telemetry");

    /** The spec of every candidate of {@code kind} in an istio.io API group. */
    public static List<PolicyNode> specs(ValidationContext context, String kind) {
        return specs(context, List.of(kind));
    }

    public static List<PolicyNode> specs(ValidationContext context, List<String> kinds) {
        List<PolicyNode> specs = new ArrayList<>();
        for (String kind : kinds) {
            for (Resource r : context.ofKind(kind)) {
                if (r.candidate() && r.group().endsWith("istio.io") && r.spec().isObject()) {
                    specs.add(new PolicyNode(r, r.spec(), null, "spec"));
                }
            }
        }
        return specs;
    }

    private final Resource resource;
    private final JsonNode node;
    private final PolicyNode parent;
    /** The last token of the pointer, already escaped. */
    private final String token;

    private PolicyNode(Resource resource, JsonNode node, PolicyNode parent, String token) {
        this.resource = resource;
        this.node = node;
        this.parent = parent;
        this.token = token;
    }

    public Resource resource() {
        return resource;
    }

    public JsonNode node() {
        return node;
    }

    /** The JSON pointer of this field, e.g. "/spec/rules/0/from". */
    public String pointer() {
        return (parent == null ? "" : parent.pointer()) + "/" + token;
    }

    public PolicyNode field(String name) {
        boolean plain = name.indexOf('~') < 0 && name.indexOf('/') < 0;
        return new PolicyNode(resource, node.path(name), this, plain ? name : name.replace("~", "~0").replace("/", "~1"));
    }

    /** The elements of a list (none when this is not a list). */
    public List<PolicyNode> items() {
        List<PolicyNode> items = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                items.add(new PolicyNode(resource, node.get(i), this, Integer.toString(i)));
            }
        }
        return items;
    }

    /** The values of a map, each with its key (none when this is not a map). */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(key -> entries.add(new Entry(key, field(key))));
        }
        return entries;
    }

    /** The text of a scalar, "" when absent or null. */
    public String text() {
        return node.isValueNode() ? node.asText("") : "";
    }

    /** Whether the field is written with a value (even an empty list or map), not absent nor null. */
    public boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    /** Absent, null, or an empty list, map or string: what protobuf cannot tell from "not set". */
    public boolean unset() {
        return node.isMissingNode() || node.isNull() || node.isContainerNode() && node.isEmpty()
                || node.isTextual() && node.asText().isEmpty();
    }

    public record Entry(String key, PolicyNode value) {
    }
}
