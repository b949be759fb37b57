package dev.meshdeck.core.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MeshDeck's own value checks for Istio objects, a small and deliberate set:
 * <ul>
 * <li>{@link #values}: offline only (with CRDs, the CRD's own rules judge the same): durations (Go/protobuf
 * format, at least 1ms) in the fields Istio types as Duration; ports 1-65535; percentages 0-100; the
 * required DestinationRule {@code host}.</li>
 * <li>{@link #webhook}: in both modes, what istiod's validating webhook demands beyond the CRD: a
 * VirtualService names at least one host (delegates excepted). (A JWT rule needs an issuer or a jwksUri, and
 * portLevelMtls ports must be 1-65535: the webhook rules MD0224 and MD0630 judge those in both modes.)</li>
 * </ul>
 * Route weights are judged by the routing rules (MD0201-MD0203), not here.
 */
public final class ValueChecks {

    /** Field names Istio types as google.protobuf.Duration (VS, DR, RequestAuthentication, Gateway, Sidecar). */
    private static final Set<String> DURATIONS = Set.of("timeout", "perTryTimeout", "fixedDelay", "connectTimeout",
            "idleTimeout", "maxConnectionDuration", "interval", "baseEjectionTime", "duration", "time");
    private static final Set<String> PERCENTS = Set.of("minimumPercent", "maxEjectionPercent", "minHealthPercent");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private ValueChecks() {
    }

    public static List<Violation> values(JsonNode object) {
        List<Violation> found = new ArrayList<>();
        walk(object.path("spec"), "/spec", "", found);
        if ("DestinationRule".equals(object.path("kind").asText()) && object.path("spec").isObject()
                && object.path("spec").path("host").asText("").isEmpty()) {
            found.add(new Violation(ViolationType.REQUIRED, "/spec/host",
                    "spec.host is required: name the service this DestinationRule applies to",
                    "spec.host: Required value", "meshdeck"));
        }
        return found;
    }

    public static List<Violation> webhook(JsonNode object) {
        List<Violation> found = new ArrayList<>();
        JsonNode spec = object.path("spec");
        if (!spec.isObject()) {
            return found;
        }
        String kind = object.path("kind").asText();
        if (kind.equals("VirtualService") && object.path("apiVersion").asText().startsWith("networking.istio.io/")
                && spec.path("hosts").size() == 0 && spec.path("gateways").size() == 0) {
            found.add(new Violation(ViolationType.REQUIRED, "/spec/hosts",
                    "spec.hosts is empty: a VirtualService must name at least one host (only a delegate VirtualService "
                            + "may omit it, and then it must not be applied on its own)",
                    "virtual service must have at least one host", "meshdeck"));
        }
        return found;
    }

    private static void walk(JsonNode node, String pointer, String key, List<Violation> found) {
        if (node.isObject()) {
            if ((key.equals("percentage") || key.equals("mirrorPercentage")) && node.path("value").isNumber()) {
                range(node.get("value"), Paths.child(pointer, "value"), 0, 100, "a percentage", found);
            }
            if (key.equals("port") && node.path("number").isNumber()) {
                range(node.get("number"), Paths.child(pointer, "number"), 1, 65535, "a port", found);
            }
            node.fields().forEachRemaining(f -> walk(f.getValue(), Paths.child(pointer, f.getKey()), f.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String at = Paths.child(pointer, i);
                if (key.equals("ports") && item.path("number").isNumber()) {
                    range(item.get("number"), Paths.child(at, "number"), 1, 65535, "a port", found);
                }
                walk(item, at, "", found);
            }
        } else if (node.isTextual() && DURATIONS.contains(key)) {
            duration(node.asText(), pointer, found);
        } else if (node.isNumber() && PERCENTS.contains(key)) {
            range(node, pointer, 0, 100, "a percentage", found);
        }
    }

    private static void range(JsonNode value, String at, double min, double max, String what, List<Violation> found) {
        double v = value.asDouble();
        if (v < min || v > max) {
            String path = Paths.dotted(at);
            found.add(new Violation(ViolationType.OUT_OF_RANGE, at,
                    path + " is " + value + " but " + what + " must be between " + (long) min + " and " + (long) max,
                    path + ": Invalid value: " + value + ": " + path + " in body should be "
                            + (v < min ? "greater than or equal to " + (long) min : "less than or equal to " + (long) max),
                    "meshdeck"));
        }
    }

    private static void duration(String text, String at, List<Violation> found) {
        Double seconds = seconds(text);
        if (seconds == null || seconds < 0.001) {
            String path = Paths.dotted(at);
            found.add(new Violation(ViolationType.INVALID_FORMAT, at,
                    path + " \"" + text + "\" must be a valid duration greater than 1ms, such as 250ms, 5s or 1m30s",
                    path + ": Invalid value: \"string\": must be a valid duration greater than 1ms", "meshdeck"));
        }
    }

    /** Seconds of a Go/protobuf duration ("1h30m", "0.5s", "250ms"), or null when it is not one. */
    static Double seconds(String text) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = DURATION.matcher(text);
        int at = 0;
        double total = 0;
        while (m.find() && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            switch (m.group(2)) {
                case "h": total += n * 3600; break;
                case "m": total += n * 60; break;
                case "s": total += n; break;
                case "ms": total += n / 1e3; break;
                case "us": case "µs": total += n / 1e6; break;
                default: total += n / 1e9; break;
            }
            at = m.end();
        }
        return at == text.length() ? total : null;
    }
}
