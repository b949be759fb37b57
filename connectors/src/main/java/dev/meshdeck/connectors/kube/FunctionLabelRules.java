package dev.meshdeck.connectors.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which plain Deployments count as functions: a Deployment matches when ANY rule matches its labels.
 * A rule is {@code key=value} (label equals value) or {@code key} (label present).
 */
public record FunctionLabelRules(List<Rule> rules) {

    /** {@code meshdeck.dev/function=true} or {@code app.kubernetes.io/component=function}. */
    public static final FunctionLabelRules DEFAULT = parse("meshdeck.dev/function=true,app.kubernetes.io/component=function");

    /** One label condition; {@code value} is null when only the key's presence is required. */
    public record Rule(String key, String value) {
        boolean matches(Map<String, String> labels) {
            String actual = labels.get(key);
            return actual != null && (value == null || value.equals(actual));
        }

        @Override
        public String toString() {
            return value == null ? key : key + "=" + value;
        }
    }

    public FunctionLabelRules {
        rules = List.copyOf(rules);
    }

    /**
     * Parses a comma-separated list such as {@code meshdeck.dev/function=true,serverless}.
     *
     * @throws IllegalArgumentException naming the bad entry when an entry has an empty key or value
     */
    public static FunctionLabelRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String key = eq < 0 ? entry : entry.substring(0, eq).trim();
            String value = eq < 0 ? null : entry.substring(eq + 1).trim();
            if (key.isEmpty() || (value != null && value.isEmpty())) {
                throw new IllegalArgumentException("function label rule '" + entry
                        + "' is incomplete: write key=value or key, e.g. meshdeck.dev/function=true");
            }
            rules.add(new Rule(key, value));
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("no function label rule in '" + text
                    + "': give at least one key=value or key, e.g. meshdeck.dev/function=true");
        }
        return new FunctionLabelRules(rules);
    }

    public boolean matches(Map<String, String> labels) {
        return labels != null && rules.stream().anyMatch(r -> r.matches(labels));
    }

    /** The form {@link #parse} reads back. */
    @Override
    public String toString() {
        return rules.stream().map(Rule::toString).collect(Collectors.joining(","));
    }
}
