package dev.meshdeck.core.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A namespace's saved canary plan: YAML under key {@value #KEY} of ConfigMap {@value #CONFIG_MAP} in that namespace,
 * so it lives with the functions it is for, is written (gated, recorded) through the apply pipeline like any other
 * object, and is shared by everyone working on the cluster. A field left out of the YAML is Flagger's default.
 */
public final class NamespacePlan {

    public static final String CONFIG_MAP = "meshdeck-canary-plan";
    public static final String KEY = "plan.yaml";

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final List<String> FIELDS = List.of("steps", "interval", "successRate", "latency", "vsStable",
            "minRequests", "threshold", "pauseBefore", "confirmPromotion");

    private NamespacePlan() {
    }

    /** The ConfigMap holding {@code namespace}'s plan. */
    public static ResourceId id(String namespace) {
        return new ResourceId("v1", "ConfigMap", namespace, CONFIG_MAP);
    }

    /** "ConfigMap serverless/meshdeck-canary-plan": where a run's plan came from, for status and errors. */
    public static String describe(String namespace) {
        return "ConfigMap " + namespace + "/" + CONFIG_MAP;
    }

    /** The plan as the YAML stored under {@value #KEY}, every field written out. */
    public static String yaml(CanaryPlan plan) {
        return YamlRenderer.render(tree(plan));
    }

    /** The plan's fields as a tree: what {@link #yaml} renders and `canary plan show -o json` prints. */
    public static ObjectNode tree(CanaryPlan plan) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        plan.steps().forEach(o.putArray("steps")::add);
        o.put("interval", durationText(plan.interval()));
        o.put("successRate", plan.minSuccessRatePercent());
        if (plan.latency() == null) {
            o.put("latency", "none");
        } else {
            o.putObject("latency").put("percentile", plan.latency().percentile().label())
                    .put("max", durationText(plan.latency().max()));
        }
        if (plan.stableTolerancePercent() != null) {
            o.put("vsStable", plan.stableTolerancePercent());
        }
        o.put("minRequests", plan.minRequests());
        o.put("threshold", plan.threshold());
        plan.pauseBefore().stream().sorted().forEach(o.putArray("pauseBefore")::add);
        o.put("confirmPromotion", plan.confirmPromotion());
        return o;
    }

    /**
     * The ConfigMap carrying {@code plan} for {@code namespace}: {@code live} with its key replaced (its other keys,
     * labels and resourceVersion kept), or a new one when {@code live} is null.
     */
    public static ObjectNode configMap(String namespace, CanaryPlan plan, ObjectNode live) {
        ObjectNode map = live != null ? live.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (live == null) {
            map.put("apiVersion", "v1").put("kind", "ConfigMap");
            map.putObject("metadata").put("name", CONFIG_MAP).put("namespace", namespace)
                    .putObject("labels").put("app.kubernetes.io/managed-by", "meshdeck");
        }
        JsonNode data = map.get("data");
        (data instanceof ObjectNode d ? d : map.putObject("data")).put(KEY, yaml(plan));
        return map;
    }

    /**
     * The plan the ConfigMap of {@code namespace} holds; empty when {@code configMap} is null (none saved).
     *
     * @throws Invalid naming the ConfigMap, the key, the line and the field when the data is not a plan
     */
    public static Optional<CanaryPlan> of(String namespace, ObjectNode configMap) {
        if (configMap == null) {
            return Optional.empty();
        }
        String where = describe(namespace) + ", key " + KEY;
        JsonNode text = configMap.path("data").path(KEY);
        if (!text.isTextual()) {
            throw new Invalid(where + ": missing; `meshdeck canary plan set -n " + namespace + "` writes it");
        }
        return Optional.of(parse(where, text.asText()));
    }

    /**
     * The plan saved for {@code namespace} on the cluster behind {@code gateway}; empty when none is.
     *
     * @throws IllegalArgumentException when it cannot be read or is not a plan
     */
    public static Optional<CanaryPlan> read(ClusterGateway gateway, String namespace) {
        try {
            return of(namespace, gateway.read(id(namespace)).orElse(null));
        } catch (GatewayException e) {
            throw new IllegalArgumentException("the canary plan of namespace " + namespace + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The change that saves {@code plan} as {@code namespace}'s: its ConfigMap created, or its key replaced (a saved
     * plan that is not a plan is simply replaced).
     */
    public static ChangeSet change(ClusterGateway gateway, String namespace, CanaryPlan plan) throws GatewayException {
        ObjectNode live = gateway.read(id(namespace)).orElse(null);
        return ChangeSet.of(ResourceChange.of(live, configMap(namespace, plan, live)));
    }

    /** Reads plan YAML; {@code where} names its place in errors ("ConfigMap ns/name, key plan.yaml"). */
    public static CanaryPlan parse(String where, String text) {
        YamlDocument doc;
        try {
            List<YamlDocument> docs = new YamlReader().read(where, text);
            if (docs.size() != 1 || !docs.get(0).tree().isObject()) {
                throw new Invalid(where + ": expected one mapping of plan fields (" + String.join(", ", FIELDS) + ")");
            }
            doc = docs.get(0);
        } catch (YamlProblem e) {
            throw new Invalid(e.getMessage());
        }
        return new Fields(doc).plan();
    }

    /** A duration as written in a plan: 500ms, 10s, 1m, 2h. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("give a duration such as 500ms, 10s or 1m, not '" + text + "'");
        }
        double n = Double.parseDouble(m.group(1));
        double nanosPer = switch (m.group(2)) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        Duration d = Duration.ofNanos(Math.round(n * nanosPer));
        if (d.isZero()) {
            throw new IllegalArgumentException("a duration must be positive, not '" + text + "'");
        }
        return d;
    }

    /** The largest whole unit: 1m, 10s, 500ms (so that it reads back the same). */
    static String durationText(Duration d) {
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return String.format(Locale.ROOT, "%sms", d.toNanos() % 1_000_000 == 0 ? Long.toString(d.toMillis())
                : Double.toString(d.toNanos() / 1e6));
    }

    /** Bad plan data, said with its place: ConfigMap, key, line and field. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** One document's fields read one by one, each error at its line. */
    private static final class Fields {
        private final YamlDocument doc;
        private final JsonNode tree;

        Fields(YamlDocument doc) {
            this.doc = doc;
            this.tree = doc.tree();
        }

        CanaryPlan plan() {
            tree.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    throw invalid(name, "unknown field; a plan has " + String.join(", ", FIELDS));
                }
            });
            CanaryPlan d = CanaryPlan.defaults();
            List<Integer> steps = tree.has("steps") ? weights("steps") : d.steps();
            Set<Integer> gates = tree.has("pauseBefore") ? new LinkedHashSet<>(weights("pauseBefore")) : Set.of();
            try {
                return new CanaryPlan(steps, tree.has("interval") ? duration("interval") : d.interval(),
                        tree.has("successRate") ? number("successRate") : d.minSuccessRatePercent(), latency(d.latency()),
                        tree.has("vsStable") ? number("vsStable") : null,
                        tree.has("minRequests") ? whole("minRequests") : d.minRequests(),
                        tree.has("threshold") ? (int) whole("threshold") : d.threshold(), gates,
                        tree.has("confirmPromotion") ? flag("confirmPromotion") : d.confirmPromotion());
            } catch (Invalid e) {
                throw e;
            } catch (IllegalArgumentException e) {
                // the plan's own rules (rising steps, gates naming steps, ...) speak of the whole plan
                throw new Invalid(doc.positionOf("") + ": " + e.getMessage());
            }
        }

        private List<Integer> weights(String field) {
            JsonNode n = tree.get(field);
            if (!n.isArray()) {
                throw invalid(field, "expected a list of weights such as [10, 25, 50]");
            }
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                if (!n.get(i).canConvertToInt() || !n.get(i).isIntegralNumber()) {
                    throw invalid(field + "/" + i, "expected a whole weight 1-99, not '" + n.get(i).asText() + "'");
                }
                out.add(n.get(i).asInt());
            }
            return out;
        }

        private Duration duration(String field) {
            try {
                return parseDuration(tree.at("/" + field).asText());
            } catch (IllegalArgumentException e) {
                throw invalid(field, e.getMessage());
            }
        }

        private double number(String field) {
            if (!tree.get(field).isNumber()) {
                throw invalid(field, "expected a number, not '" + tree.get(field).asText() + "'");
            }
            return tree.get(field).asDouble();
        }

        private long whole(String field) {
            if (!tree.get(field).isIntegralNumber()) {
                throw invalid(field, "expected a whole number, not '" + tree.get(field).asText() + "'");
            }
            return tree.get(field).asLong();
        }

        private boolean flag(String field) {
            if (!tree.get(field).isBoolean()) {
                throw invalid(field, "expected true or false, not '" + tree.get(field).asText() + "'");
            }
            return tree.get(field).asBoolean();
        }

        private LatencyLimit latency(LatencyLimit fallback) {
            JsonNode n = tree.get("latency");
            if (n == null) {
                return fallback;
            }
            if (n.isTextual() && n.asText().equals("none")) {
                return null;
            }
            if (!n.isObject()) {
                throw invalid("latency", "expected {percentile: p99, max: 500ms} or none");
            }
            String percentile = n.path("percentile").asText("p99");
            LatencyLimit.Percentile p;
            try {
                p = LatencyLimit.Percentile.valueOf(percentile.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("latency/percentile", "expected p95 or p99, not '" + percentile + "'");
            }
            if (!n.has("max")) {
                throw invalid("latency", "missing max (such as 500ms)");
            }
            try {
                return new LatencyLimit(p, parseDuration(n.get("max").asText()));
            } catch (IllegalArgumentException e) {
                throw invalid("latency/max", e.getMessage());
            }
        }

        private Invalid invalid(String field, String problem) {
            return new Invalid(doc.positionOf("/" + field) + ": " + field.replace('/', '.') + ": " + problem);
        }
    }
}
