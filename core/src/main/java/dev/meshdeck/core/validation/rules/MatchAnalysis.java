package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.validation.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Istio's unreachable-rule analysis of a VirtualService (pkg/config/validation, reported by istioctl as
 * IST0130/IST0131): rules after a catch-all, matches repeated from an earlier rule, and HTTP prefix matches
 * covered by an earlier, shorter prefix with the same other conditions.
 */
final class MatchAnalysis {

    /** A rule that never receives traffic. */
    record Unreachable(String pointer, String rule, String reason) {
    }

    /** A match that never takes effect because an earlier one already catches its requests. */
    record Ineffective(String pointer, String rule, String match, String earlier) {
    }

    final List<Unreachable> unreachable = new ArrayList<>();
    final List<Ineffective> ineffective = new ArrayList<>();

    private record PrefixMatch(String rule, String match, String pointer, String prefix, long port, String method,
                               String authority, Map<String, String> headers, Map<String, String> queryParams,
                               Map<String, String> withoutHeaders) {
    }

    static MatchAnalysis of(Resource vs) {
        MatchAnalysis a = new MatchAnalysis();
        for (String protocol : List.of("http", "tcp", "tls")) {
            a.analyze(protocol, vs.spec().path(protocol));
        }
        return a;
    }

    private void analyze(String protocol, JsonNode rules) {
        boolean http = protocol.equals("http");
        Map<JsonNode, Integer> seen = new HashMap<>();
        int catchAll = -1;
        List<PrefixMatch> prefixes = new ArrayList<>();
        for (int n = 0; n < rules.size(); n++) {
            JsonNode rule = rules.get(n);
            if (!rule.isObject()) {
                continue;
            }
            String pointer = "/spec/" + protocol + "/" + n;
            String ruleName = routeName(rule, n, http);
            JsonNode matches = rule.path("match");
            if (!matches.isArray() || matches.isEmpty()) {
                if (catchAll >= 0) {
                    unreachable.add(new Unreachable(pointer, ruleName, "only the last rule can have no matches"));
                }
                catchAll = n;
                continue;
            }
            int duplicates = 0;
            for (int m = 0; m < matches.size(); m++) {
                JsonNode match = matches.get(m);
                if (catchAll >= 0) {
                    unreachable.add(new Unreachable(pointer, ruleName, "rule " + routeName(rules.get(catchAll), catchAll, http)
                            + " before it has no match and catches every request"));
                    continue;
                }
                JsonNode key = comparable(match, http);
                Integer earlier = seen.get(key);
                if (earlier != null) {
                    ineffective.add(new Ineffective(pointer + "/match/" + m, ruleName, requestName(match, m, http),
                            routeName(rules.get(earlier), earlier, http)));
                    duplicates++;
                    continue;
                }
                seen.put(key, n);
                if (http) {
                    PrefixMatch p = prefixMatch(ruleName, requestName(match, m, true), pointer + "/match/" + m, match);
                    if (p != null) {
                        prefixes.add(p);
                    }
                }
            }
            if (duplicates == matches.size()) {
                unreachable.add(new Unreachable(pointer, ruleName, "all its matches are used by earlier rules"));
            }
        }
        for (int i = 0; i < prefixes.size(); i++) {
            for (int j = i + 1; j < prefixes.size(); j++) {
                PrefixMatch a = prefixes.get(i);
                PrefixMatch b = prefixes.get(j);
                if (!a.prefix().equals(b.prefix()) && covers(a, b)) {
                    ineffective.add(new Ineffective(b.pointer(), b.rule(), b.match() + " of prefix " + b.prefix(),
                            a.match() + " of prefix " + a.prefix() + " on " + a.rule()));
                }
            }
        }
    }

    private static String routeName(JsonNode rule, int n, boolean http) {
        String name = rule.path("name").asText("");
        return http && !name.isEmpty() ? "\"" + name + "\"" : "#" + n;
    }

    private static String requestName(JsonNode match, int m, boolean http) {
        String name = match.path("name").asText("");
        return http && !name.isEmpty() ? "\"" + name + "\"" : "#" + m;
    }

    /** The match without its name and without fields at their default value, so equal conditions compare equal. */
    static JsonNode comparable(JsonNode match, boolean http) {
        JsonNode copy = match.deepCopy();
        if (http && copy.isObject()) {
            ((ObjectNode) copy).remove("name");
        }
        JsonNode pruned = prune(copy);
        return pruned == null ? JsonNodeFactory.instance.objectNode() : pruned;
    }

    private static JsonNode prune(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            List<String> drop = new ArrayList<>();
            Map<String, JsonNode> replace = new HashMap<>();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode p = prune(e.getValue());
                if (p == null) {
                    drop.add(e.getKey());
                } else {
                    replace.put(e.getKey(), p);
                }
            }
            drop.forEach(o::remove);
            o.setAll(replace);
            return o.isEmpty() ? null : o;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : node;
        }
        if (node.isNull() || node.isMissingNode() || (node.isBoolean() && !node.asBoolean())
                || (node.isNumber() && node.asDouble() == 0) || (node.isTextual() && node.asText().isEmpty())) {
            return null;
        }
        return node;
    }

    private static PrefixMatch prefixMatch(String rule, String name, String pointer, JsonNode match) {
        String prefix = match.path("uri").path("prefix").asText("");
        if (prefix.isEmpty()) {
            return null;
        }
        String method = exactOrPrefix(match.path("method"));
        return new PrefixMatch(rule, name, pointer, prefix, match.path("port").asLong(0),
                method.isEmpty() ? "exact:GET" : method, exactOrPrefix(match.path("authority")),
                stringMatches(match.path("headers")), stringMatches(match.path("queryParams")),
                stringMatches(match.path("withoutHeaders")));
    }

    private static String exactOrPrefix(JsonNode stringMatch) {
        if (!stringMatch.path("exact").asText("").isEmpty()) {
            return "exact:" + stringMatch.path("exact").asText();
        }
        if (!stringMatch.path("prefix").asText("").isEmpty()) {
            return "prefix:" + stringMatch.path("prefix").asText();
        }
        return "";
    }

    private static Map<String, String> stringMatches(JsonNode map) {
        Map<String, String> out = new TreeMap<>();
        map.fields().forEachRemaining(e -> out.put(e.getKey(), exactOrPrefix(e.getValue())));
        return out;
    }

    /** Istio's coveredValidation: {@code a} (earlier) catches every request {@code b} (later) would. */
    private static boolean covers(PrefixMatch a, PrefixMatch b) {
        return b.prefix().startsWith(a.prefix())
                && a.port() == b.port()
                && (a.method().equals(b.method()) || a.method().startsWith(b.method()))
                && (a.authority().equals(b.authority()) || a.authority().startsWith(b.authority()))
                && covers(a.headers(), b.headers())
                && covers(a.queryParams(), b.queryParams())
                && covers(a.withoutHeaders(), b.withoutHeaders());
    }

    private static boolean covers(Map<String, String> a, Map<String, String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, String> e : a.entrySet()) {
            String other = b.get(e.getKey());
            if (other == null || !(e.getValue().equals(other) || e.getValue().startsWith(other))) {
                return false;
            }
        }
        return true;
    }
}
