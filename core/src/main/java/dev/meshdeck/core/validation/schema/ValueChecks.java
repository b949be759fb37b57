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
 * format, at least 1ms) in the fields Istio types as Duration; ports 1-65535 (not a ServiceEntry's or a
 * Sidecar's: the webhook rules judge those in both modes, and port 0 is a Unix socket in a Sidecar);
 * percentages 0-100; the required DestinationRule {@code host}.</li>
 * <li>{@link #webhook}: in both modes, what istiod's validating webhook demands beyond the CRD: a
 * VirtualService names at least one host (delegates excepted), a JWT rule names its issuer.</li>
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
        boolean ports = !"Sidecar".equals(object.path("kind").asText());
        walk(object.path("spec"), "/spec", "", ports, found);
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
        if (kind.equals("RequestAuthentication") && object.path("apiVersion").asText().startsWith("security.istio.io/")) {
            JsonNode rules = spec.path("jwtRules");
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).isObject() && rules.get(i).path("issuer").asText("").isEmpty()) {
                    String at = "/spec/jwtRules/" + i + "/issuer";
                    found.add(new Violation(ViolationType.REQUIRED, at,
                            Paths.dotted(at) + " is required: name the issuer (iss claim) of the tokens this rule accepts",
                            "issuer must be set", "meshdeck"));
                }
            }
        }
        return found;
    }

    private static void walk(JsonNode node, String pointer, String key, boolean ports, List<Violation> found) {
        if (node.isObject()) {
            if ((key.equals("percentage") || key.equals("mirrorPercentage")) && node.path("value").isNumber()) {
                range(node.get("value"), Paths.child(pointer, "value"), 0, 100, "a percentage", found);
            }
            if (ports && key.equals("port") && node.path("number").isNumber()) {
                range(node.get("number"), Paths.child(pointer, "number"), 1, 65535, "a port", found);
            }
            if (key.equals("portLevelMtls")) {
                node.fieldNames().forEachRemaining(p -> {
                    if (!p.matches("\\d{1,5}") || Integer.parseInt(p) < 1 || Integer.parseInt(p) > 65535) {
                        String at = Paths.child(pointer, p);
                        found.add(new Violation(ViolationType.OUT_OF_RANGE, at,
                                Paths.dotted(at) + ": port \"" + p + "\" must be a number between 1 and 65535",
                                Paths.dotted(pointer) + ": Invalid value: \"object\": port must be between 1-65535", "meshdeck"));
                    }
                });
            }
            node.fields().forEachRemaining(f -> walk(f.getValue(), Paths.child(pointer, f.getKey()), f.getKey(), ports, found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), Paths.child(pointer, i), "", ports, found);
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
