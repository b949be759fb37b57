package dev.meshdeck.core.editing.forms;

import dev.meshdeck.core.routing.MatchRule;
import dev.meshdeck.core.routing.StringMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One condition of a route's match entry as the Routing editor lists it: an attribute of the request (a header,
 * the absence of a header, the URI, the method or a query parameter), its name where it has one, and how it is
 * compared (exact, prefix, regex, or mere presence).
 */
public record MatchCondition(Attribute attribute, String name, StringMatch match) {

    /** What a condition looks at. Headers, "without header" and query parameters are named. */
    public enum Attribute {
        HEADER("header"), WITHOUT_HEADER("without header"), URI("URI"), METHOD("method"), QUERY_PARAM("query param");

        private final String label;

        Attribute(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean named() {
            return this == HEADER || this == WITHOUT_HEADER || this == QUERY_PARAM;
        }

        /** Istio's empty match ({@code {}}, "is present") exists only for named attributes. */
        public boolean allowsPresence() {
            return named();
        }
    }

    /** How the value is compared. */
    public enum Comparison {
        EXACT, PREFIX, REGEX, PRESENT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MatchCondition {
        if (attribute == null || match == null) {
            throw new IllegalArgumentException("a condition needs an attribute and a comparison");
        }
        if (attribute.named() && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("a " + attribute.label() + " condition needs the "
                    + (attribute == Attribute.QUERY_PARAM ? "parameter" : "header") + " name, e.g. x-user-tier");
        }
        if (!attribute.named()) {
            name = null;
        } else {
            name = name.trim();
            if (attribute != Attribute.QUERY_PARAM) {
                // Istio rejects upper-case header names
                name = name.toLowerCase(Locale.ROOT);
            }
        }
        if (match instanceof StringMatch.Present && !attribute.allowsPresence()) {
            throw new IllegalArgumentException("'present' applies to headers and query parameters; a " + attribute.label()
                    + " needs a value");
        }
    }

    /**
     * A condition from what the editor's controls hold.
     *
     * @throws IllegalArgumentException naming what is missing (a header name, a value)
     */
    public static MatchCondition of(Attribute attribute, String name, Comparison comparison, String value) {
        String v = value == null ? "" : value.trim();
        if (comparison != Comparison.PRESENT && v.isEmpty()) {
            throw new IllegalArgumentException("the " + attribute.label() + " condition needs a value to compare "
                    + "(or 'present' for a header that only has to be there)");
        }
        if (attribute == Attribute.METHOD && comparison != Comparison.REGEX) {
            // Envoy sees methods in upper case
            v = v.toUpperCase(Locale.ROOT);
        }
        StringMatch match = switch (comparison) {
            case EXACT -> StringMatch.exact(v);
            case PREFIX -> StringMatch.prefix(v);
            case REGEX -> StringMatch.regex(v);
            case PRESENT -> StringMatch.present();
        };
        return new MatchCondition(attribute, name, match);
    }

    public Comparison comparison() {
        if (match instanceof StringMatch.Exact) {
            return Comparison.EXACT;
        }
        if (match instanceof StringMatch.Prefix) {
            return Comparison.PREFIX;
        }
        return match instanceof StringMatch.Regex ? Comparison.REGEX : Comparison.PRESENT;
    }

    /** The compared value; "" for presence. */
    public String value() {
        if (match instanceof StringMatch.Exact e) {
            return e.value();
        }
        if (match instanceof StringMatch.Prefix p) {
            return p.value();
        }
        return match instanceof StringMatch.Regex r ? r.value() : "";
    }

    /** As an SRE reads it: "header x-user-tier = premium", "URI prefix /api", "without header x-debug present". */
    public String describe() {
        String subject = attribute.label() + (name == null ? "" : " " + name);
        return switch (comparison()) {
            case EXACT -> subject + " = " + value();
            case PREFIX -> subject + " prefix " + value();
            case REGEX -> subject + " ~ " + value();
            case PRESENT -> subject + (attribute == Attribute.WITHOUT_HEADER ? " absent" : " present");
        };
    }

    /** The conditions of a match entry, in the order the YAML has them. */
    public static List<MatchCondition> of(MatchRule rule) {
        List<MatchCondition> out = new ArrayList<>();
        rule.headers().forEach((k, v) -> out.add(new MatchCondition(Attribute.HEADER, k, v)));
        rule.withoutHeaders().forEach((k, v) -> out.add(new MatchCondition(Attribute.WITHOUT_HEADER, k, v)));
        if (rule.uri() != null) {
            out.add(new MatchCondition(Attribute.URI, null, rule.uri()));
        }
        if (rule.method() != null) {
            out.add(new MatchCondition(Attribute.METHOD, null, rule.method()));
        }
        rule.queryParams().forEach((k, v) -> out.add(new MatchCondition(Attribute.QUERY_PARAM, k, v)));
        return out;
    }

    /** The match entry with this condition added (or replacing the one on the same attribute and name). */
    public MatchRule addTo(MatchRule rule) {
        return switch (attribute) {
            case HEADER -> rule.withHeader(name, match);
            case WITHOUT_HEADER -> rule.withoutHeader(name, match);
            case URI -> rule.withUri(match);
            case METHOD -> rule.withMethod(match);
            case QUERY_PARAM -> rule.withQueryParam(name, match);
        };
    }

    /** The match entry without this condition's attribute (and name). */
    public MatchRule removeFrom(MatchRule rule) {
        return new MatchRule(rule.name(),
                attribute == Attribute.URI ? null : rule.uri(),
                attribute == Attribute.METHOD ? null : rule.method(),
                attribute == Attribute.HEADER ? without(rule.headers(), name) : rule.headers(),
                attribute == Attribute.WITHOUT_HEADER ? without(rule.withoutHeaders(), name) : rule.withoutHeaders(),
                attribute == Attribute.QUERY_PARAM ? without(rule.queryParams(), name) : rule.queryParams());
    }

    private static Map<String, StringMatch> without(Map<String, StringMatch> map, String key) {
        Map<String, StringMatch> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }
}
