package dev.meshdeck.core.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders inventory rows for the CLI: an aligned table for people, JSON and YAML for pipelines.
 * Field order is fixed so that output diffs stay readable.
 */
public enum InventoryFormat {
    TABLE, JSON, YAML;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Compact: a watch prints one object per line. */
    private static final ObjectMapper LINE_MAPPER = new ObjectMapper();
    private static final ObjectMapper YAML_MAPPER = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    public static InventoryFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown output format '" + name + "' (use table, json or yaml)");
        }
    }

    public String render(List<ServerlessFunction> functions) {
        try {
            return switch (this) {
                case TABLE -> table(functions);
                case JSON -> JSON_MAPPER.writeValueAsString(tree(functions)) + "\n";
                case YAML -> YAML_MAPPER.writeValueAsString(tree(functions));
            };
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArrayNode tree(List<ServerlessFunction> functions) {
        ArrayNode rows = JSON_MAPPER.createArrayNode();
        functions.forEach(f -> row(rows.addObject(), f));
        return rows;
    }

    private static void row(ObjectNode row, ServerlessFunction f) {
        row.put("platform", f.platform().id());
        SourceRef source = f.source();
        if (source instanceof SourceRef.KubeContext k) {
            row.put("context", k.context());
        } else if (source instanceof SourceRef.AwsRegion a) {
            row.put("account", a.account());
            row.put("region", a.region());
        } else if (source instanceof SourceRef.GcpRegion g) {
            row.put("project", g.project());
            row.put("region", g.region());
            if (CloudRunLabels.isCloudFunction(f.labels())) {
                row.put("cloudFunction", "gen2");
            }
        }
        row.put("namespace", f.namespace());
        row.put("name", f.name());
        ArrayNode traffic = row.putArray("traffic");
        for (TrafficShare t : f.traffic()) {
            ObjectNode share = traffic.addObject();
            share.put("version", t.version());
            share.put("percent", t.percent());
            if (!t.tag().isEmpty()) {
                share.put("tag", t.tag());
            }
        }
        MeshStatus m = f.mesh();
        ObjectNode mesh = row.putObject("mesh");
        mesh.put("sidecarInjected", m.sidecarInjected());
        strings(mesh.putArray("virtualServices"), m.virtualServices());
        strings(mesh.putArray("destinationRules"), m.destinationRules());
        strings(mesh.putArray("authorizationPolicies"), m.authorizationPolicies());
        strings(mesh.putArray("peerAuthentications"), m.peerAuthentications());
        strings(mesh.putArray("requestAuthentications"), m.requestAuthentications());
        ArrayNode inherited = mesh.putArray("inherited");
        for (InheritedPolicy p : m.inherited()) {
            ObjectNode policy = inherited.addObject();
            policy.put("kind", p.kind().kind());
            policy.put("ref", p.ref());
            policy.put("scope", p.scope().name().toLowerCase(Locale.ROOT));
            p.overriddenBy().ifPresent(by -> policy.put("overriddenBy", by));
        }
        Health h = f.health();
        ObjectNode health = row.putObject("health");
        health.put("ready", h.ready());
        health.put("desired", h.desired());
        health.put("endpoints", h.endpoints());
        health.put("state", h.state());
        health.put("level", h.level().name().toLowerCase(Locale.ROOT));
    }

    /**
     * One line of {@code functions --watch}: for JSON one object per line, {@code {"type":"function","event":"added",
     * ...the row...}} or {@code {"type":"source","source":"prod-eu","state":"stale","reason":...,"since":...,
     * "lastHeard":...}}; for the table the row's columns after the event, or the source's state and reason.
     *
     * @throws IllegalArgumentException for YAML, which has no line-per-record form
     */
    public String watchLine(InventoryWatch.Change change) {
        if (this == YAML) {
            throw new IllegalArgumentException("--watch prints table or json, not yaml");
        }
        ObjectNode line = LINE_MAPPER.createObjectNode();
        if (change instanceof InventoryWatch.FunctionChange f) {
            if (this == TABLE) {
                return String.join("  ", f.kind().name().toLowerCase(Locale.ROOT), f.function().platform().id(),
                        f.function().source().label(), f.function().id().qualifiedName(),
                        trafficText(f.function().traffic()), meshText(f.function().mesh()), healthText(f.function().health()));
            }
            line.put("type", "function");
            line.put("event", f.kind().name().toLowerCase(Locale.ROOT));
            row(line, f.function());
        } else if (change instanceof InventoryWatch.SourceChange c) {
            SourceStatus status = c.status();
            String state = status.state().name().toLowerCase(Locale.ROOT);
            if (this == TABLE) {
                return String.join("  ", "source", status.source().label(), state, status.message());
            }
            line.put("type", "source");
            line.put("source", status.source().label());
            line.put("state", state);
            line.put("reason", status.message());
            line.put("since", status.since().toString());
            if (status.lastHeard() != null) {
                line.put("lastHeard", status.lastHeard().toString());
            }
        }
        try {
            return LINE_MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String table(List<ServerlessFunction> functions) {
        List<String[]> rows = new java.util.ArrayList<>(functions.size() + 1);
        rows.add(new String[] {"PLATFORM", "SOURCE", "NAMESPACE", "NAME", "TRAFFIC", "MESH", "HEALTH"});
        for (ServerlessFunction f : functions) {
            rows.add(new String[] {
                f.platform().id(),
                f.source().label(),
                f.namespace().isEmpty() ? "-" : f.namespace(),
                f.name(),
                trafficText(f.traffic()),
                meshText(f.mesh()),
                healthText(f.health())
            });
        }
        return TextTable.render(rows);
    }

    /** "v1 90% · v2 10%", or "-" when the platform reports no versions. */
    public static String trafficText(List<TrafficShare> traffic) {
        return traffic.isEmpty() ? "-" : String.join(" · ", trafficParts(traffic));
    }

    /**
     * The parts of {@link #trafficText}, one per version ("order-function-v2 10% [canary]"), for a window that
     * lays them out itself; one part naming every version when several get 0% (no known routing), none when
     * the platform reports no versions.
     */
    public static List<String> trafficParts(List<TrafficShare> traffic) {
        if (traffic.size() > 1 && traffic.stream().allMatch(t -> t.percent() == 0)) {
            return List.of(traffic.stream().map(TrafficShare::version).collect(Collectors.joining(",")) + " (no routing)");
        }
        return traffic.stream()
                .map(t -> t.version() + " " + percent(t.percent()) + (t.tag().isEmpty() ? "" : " [" + t.tag() + "]"))
                .toList();
    }

    private static String percent(double p) {
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    /** "sidecar VS:1 DR:1 AP:2 PA:1 RA:1", "no sidecar" or "-" outside the mesh. */
    public static String meshText(MeshStatus m) {
        if (!m.sidecarInjected() && !m.hasPolicies()) {
            return "-";
        }
        StringBuilder s = new StringBuilder(m.sidecarInjected() ? "sidecar" : "no-sidecar");
        count(s, "VS", m.virtualServices());
        count(s, "DR", m.destinationRules());
        count(s, "AP", m.authorizationPolicies());
        count(s, "PA", m.peerAuthentications());
        count(s, "RA", m.requestAuthentications());
        return s.toString();
    }

    private static void count(StringBuilder s, String label, List<String> refs) {
        if (!refs.isEmpty()) {
            s.append(' ').append(label).append(':').append(refs.size());
        }
    }

    /** "2/2 ep:2 Ready". */
    public static String healthText(Health h) {
        return h.replicas() + " ep:" + h.endpoints() + " " + h.state();
    }
}
