package dev.meshdeck.core.editing.forms;

import dev.meshdeck.core.authz.AccessRule;
import dev.meshdeck.core.authz.RequestCondition;
import dev.meshdeck.core.authz.RequestOperation;
import dev.meshdeck.core.authz.RequestSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the authorization rule builder's fields hold for one rule, as text keyed by {@link SecurityForm#ruleFields()}
 * (lists comma separated). Editing an existing rule fills the builder from the rule and writes back only the
 * fields the builder shows, so a rule's other source fields (service accounts, remote IP blocks...) survive.
 */
public record AccessRuleEntry(Map<String, String> values) {

    public AccessRuleEntry {
        values = Map.copyOf(values);
    }

    public static AccessRuleEntry empty() {
        return new AccessRuleEntry(Map.of());
    }

    /**
     * The builder's fields for an existing rule.
     *
     * @throws IllegalArgumentException when the rule has more than one source, operation or condition (see
     *                                  {@link #whyNotEditable})
     */
    public static AccessRuleEntry of(AccessRule rule) {
        whyNotEditable(rule).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        Map<String, String> v = new LinkedHashMap<>();
        if (!rule.from().isEmpty()) {
            RequestSource s = rule.from().get(0);
            put(v, "from.principals", s.principals());
            put(v, "from.notPrincipals", s.notPrincipals());
            put(v, "from.namespaces", s.namespaces());
            put(v, "from.notNamespaces", s.notNamespaces());
            put(v, "from.ipBlocks", s.ipBlocks());
            put(v, "from.notIpBlocks", s.notIpBlocks());
            put(v, "from.requestPrincipals", s.requestPrincipals());
        }
        if (!rule.to().isEmpty()) {
            RequestOperation o = rule.to().get(0);
            put(v, "to.methods", o.methods());
            put(v, "to.notMethods", o.notMethods());
            put(v, "to.paths", o.paths());
            put(v, "to.notPaths", o.notPaths());
            put(v, "to.ports", o.ports());
            put(v, "to.notPorts", o.notPorts());
            put(v, "to.hosts", o.hosts());
            put(v, "to.notHosts", o.notHosts());
        }
        if (!rule.when().isEmpty()) {
            RequestCondition c = rule.when().get(0);
            v.put("when.key", c.key());
            put(v, "when.values", c.values());
            put(v, "when.notValues", c.notValues());
        }
        return new AccessRuleEntry(v);
    }

    /** Why the builder cannot show this rule (it edits one source, one operation and one condition), or empty. */
    public static Optional<String> whyNotEditable(AccessRule rule) {
        if (rule.from().size() > 1 || rule.to().size() > 1 || rule.when().size() > 1) {
            return Optional.of("this rule has " + rule.from().size() + " sources, " + rule.to().size() + " operations and "
                    + rule.when().size() + " conditions; the builder edits one of each: edit it in the YAML");
        }
        return Optional.empty();
    }

    /** Whether a field of {@link SecurityForm#ruleFields()} holds a comma-separated list (all but the condition's key). */
    public static boolean isList(String key) {
        return !key.equals("when.key");
    }

    /** The text of a field; "" when empty. */
    public String text(String key) {
        return values.getOrDefault(key, "");
    }

    /**
     * The rule these fields describe; "any" parts are left out.
     *
     * @param original the rule being edited (its fields the builder does not show are kept), or null for a new rule
     * @throws IllegalArgumentException when a condition has values but no key
     */
    public AccessRule toRule(AccessRule original) {
        AccessRule rule = AccessRule.anyRequest();
        RequestSource baseSource = original == null || original.from().isEmpty() ? RequestSource.any() : original.from().get(0);
        RequestSource source = baseSource.withPrincipals(list("from.principals"))
                .withNotPrincipals(list("from.notPrincipals")).withNamespaces(list("from.namespaces"))
                .withNotNamespaces(list("from.notNamespaces")).withIpBlocks(list("from.ipBlocks"))
                .withNotIpBlocks(list("from.notIpBlocks")).withRequestPrincipals(list("from.requestPrincipals"));
        if (!source.equals(RequestSource.any())) {
            rule = rule.withSource(source);
        }
        RequestOperation operation = RequestOperation.any().withMethods(list("to.methods"))
                .withNotMethods(list("to.notMethods")).withPaths(list("to.paths")).withNotPaths(list("to.notPaths"))
                .withPorts(list("to.ports")).withNotPorts(list("to.notPorts")).withHosts(list("to.hosts"))
                .withNotHosts(list("to.notHosts"));
        if (!operation.equals(RequestOperation.any())) {
            rule = rule.withOperation(operation);
        }
        String key = text("when.key").trim();
        List<String> in = list("when.values");
        List<String> notIn = list("when.notValues");
        if (!key.isEmpty() || !in.isEmpty() || !notIn.isEmpty()) {
            rule = rule.withCondition(new RequestCondition(key, in, notIn));
        }
        return rule;
    }

    private List<String> list(String key) {
        return split(text(key));
    }

    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static void put(Map<String, String> v, String key, List<String> values) {
        if (!values.isEmpty()) {
            v.put(key, String.join(", ", values));
        }
    }
}
