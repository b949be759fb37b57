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
 * format, at least 1ms) in the fields Istio types as Duration; ports 1-65535 and percentages 0-100 (but for the
 * kinds whose webhook rules judge them in both modes); the
 * required DestinationRule {@code host}.</li>
 * </ul>
 * What istiod's validating webhook demands beyond the CRD is judged by the rules of rules.webhook, in both modes.
 * Route weights are judged by the routing rules (MD0201-MD0203), not here; Gateway server ports and outlier
 * detection percentages by the webhook rules (MD0533, MD0509), which run in both modes.
 */
public final class ValueChecks {

    /** Field names Istio types as google.protobuf.Duration (VS, DR, RequestAuthentication, Gateway, Sidecar). */
    private static final Set<String> DURATIONS = Set.of("timeout", "perTryTimeout", "fixedDelay", "connectTimeout",
            "idleTimeout", "maxConnectionDuration", "interval", "baseEjectionTime", "duration", "time", "backoff", "maxAge");
    private static final Set<String> PERCENTS = Set.of("minimumPercent");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private ValueChecks() {
    }

    public static List<Violation> values(JsonNode object) {
        List<Violation> found = new ArrayList<>();
        String kind = object.path("kind").asText();
        // a Gateway server's port is the webhook rules' (MD0533): a unix socket bind takes port 0
        if (!"Gateway".equals(kind)) {
            walk(object.path("spec"), "/spec", "", found);
        }
        if ("VirtualService".equals(kind) || "ServiceEntry".equals(kind) || "Sidecar".equals(kind)) {
            // Istio's webhook judges these kinds' percentages and ports in both modes (rules MD0413-MD0422, the
            // ServiceEntry and Sidecar rules; a Sidecar's port 0 is a Unix socket)
            found.removeIf(v -> v.type() == ViolationType.OUT_OF_RANGE);
        }
        if ("DestinationRule".equals(kind) && object.path("spec").isObject()
                && object.path("spec").path("host").asText("").isEmpty()) {
            found.add(new Violation(ViolationType.REQUIRED, "/spec/host",
                    "spec.host is required: name the service this DestinationRule applies to",
                    "spec.host: Required value", "meshdeck"));
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
        } else if (node.isTextual() && DURATIONS.contains(key) && !tcpIdleTimeoutOff(pointer, node)) {
            duration(node.asText(), pointer, found);
        } else if (node.isNumber() && PERCENTS.contains(key)) {
            range(node, pointer, 0, 100, "a percentage", found);
        }
    }

    /** "0s" switches a connection pool's TCP idle timeout off, as Istio reads it: not a too-short duration. */
    private static boolean tcpIdleTimeoutOff(String pointer, JsonNode node) {
        return pointer.endsWith("/tcp/idleTimeout") && Double.valueOf(0).equals(seconds(node.asText()));
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
