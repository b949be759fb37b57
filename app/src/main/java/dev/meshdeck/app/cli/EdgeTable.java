package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.inventory.Platform;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.VersionName;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TrafficStats;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Observed edges as a table for people or JSON for pipelines; a version of {@code *} is the edge summed over versions. */
final class EdgeTable {

    static final Comparator<Map.Entry<EdgeKey, TrafficStats>> ORDER = Comparator
            .comparing((Map.Entry<EdgeKey, TrafficStats> e) -> name(e.getKey().source()))
            .thenComparing(e -> name(e.getKey().destination()))
            .thenComparing(e -> e.getKey().destinationVersion());

    private EdgeTable() {
    }

    /**
     * The Lambda aliases routing to each version, by function name: observed traffic names a Lambda version
     * ("3"), the function's listing says which alias sends it there ("live").
     */
    record Aliases(Map<String, Map<String, String>> byFunction) {

        static final Aliases NONE = new Aliases(Map.of());

        static Aliases of(List<ServerlessFunction> functions) {
            Map<String, Map<String, Set<String>>> byFunction = new HashMap<>();
            for (ServerlessFunction f : functions) {
                if (f.platform() == Platform.LAMBDA) {
                    Map<String, Set<String>> versions = byFunction.computeIfAbsent(f.name(), n -> new HashMap<>());
                    f.traffic().stream().filter(t -> !t.tag().isEmpty())
                            .forEach(t -> versions.computeIfAbsent(t.version(), v -> new TreeSet<>()).add(t.tag()));
                }
            }
            // a version two aliases route to ("live" and "beta") names both: telemetry cannot tell them apart
            Map<String, Map<String, String>> joined = new HashMap<>();
            byFunction.forEach((function, versions) -> versions.forEach((version, names) ->
                    joined.computeIfAbsent(function, n -> new HashMap<>()).put(version, String.join(", ", names))));
            return new Aliases(joined);
        }

        /** The alias routing to the edge's version of a Lambda function; "" for none, or another platform. */
        String of(EdgeKey edge) {
            if (!isLambda(edge.destination())) {
                return "";
            }
            return byFunction.getOrDefault(edge.destination().service(), Map.of()).getOrDefault(edge.destinationVersion(), "");
        }
    }

    /** Whether an edge ends at a Lambda function (outside the mesh: no namespace, an AWS scope). */
    static boolean isLambda(ServiceRef ref) {
        return ref.namespace().isEmpty() && ref.scope().startsWith("aws:");
    }

    /** The version as the window names it: {@code 00002} for image-resize-00002, {@code 3 (live)} for a Lambda version. */
    private static String version(EdgeKey edge, Aliases aliases) {
        String version = edge.destinationVersion();
        return version.isEmpty() ? "*" : VersionName.of(edge.destination().service(), version, aliases.of(edge));
    }

    static String table(List<Map.Entry<EdgeKey, TrafficStats>> edges, Aliases aliases) {
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[]{"SOURCE", "DESTINATION", "VERSION", "RPS", "ERR%", "P95(ms)"});
        for (Map.Entry<EdgeKey, TrafficStats> e : edges) {
            TrafficStats s = e.getValue();
            rows.add(new String[]{name(e.getKey().source()), name(e.getKey().destination()), version(e.getKey(), aliases),
                fixed(s.requestsPerSecond(), 2), fixed(100 * s.errorRatio(), 2),
                s.hasLatency() ? fixed(s.p95Millis(), 1) : "-"});
        }
        int[] widths = new int[rows.get(0).length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                // names left, figures right
                String cell = i < 3 ? String.format("%-" + widths[i] + "s", r[i]) : String.format("%" + widths[i] + "s", r[i]);
                out.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** The version as telemetry names it, for pipelines; a Lambda edge adds the alias routing to it. */
    static String json(List<Map.Entry<EdgeKey, TrafficStats>> edges, Aliases aliases) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("edges");
        for (Map.Entry<EdgeKey, TrafficStats> e : edges) {
            ObjectNode edge = array.addObject();
            ref(edge.putObject("source"), e.getKey().source());
            ref(edge.putObject("destination"), e.getKey().destination());
            String version = e.getKey().destinationVersion();
            if (version.isEmpty()) {
                edge.putNull("version");
            } else {
                edge.put("version", version);
            }
            if (isLambda(e.getKey().destination())) {
                String alias = aliases.of(e.getKey());
                if (alias.isEmpty()) {
                    edge.putNull("alias");
                } else {
                    edge.put("alias", alias);
                }
            }
            TrafficStats s = e.getValue();
            edge.put("requestsPerSecond", s.requestsPerSecond());
            edge.put("errorRatio", s.errorRatio());
            if (s.hasLatency()) {
                edge.put("p95Millis", s.p95Millis());
            } else {
                edge.putNull("p95Millis");
            }
        }
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render edges as JSON", e);
        }
    }

    private static void ref(ObjectNode node, ServiceRef ref) {
        node.put("scope", ref.scope());
        node.put("namespace", ref.namespace());
        node.put("service", ref.service());
    }

    /** {@code namespace/service}, or {@code lambda/function} for a node without namespace. */
    static String name(ServiceRef ref) {
        return (ref.namespace().isEmpty() ? (isLambda(ref) ? "lambda" : "") : ref.namespace()) + "/"
                + ref.service();
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
