package dev.meshdeck.sandbox.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertSource;
import dev.meshdeck.core.monitoring.evaluation.RuleEvaluator;
import dev.meshdeck.core.monitoring.evaluation.Sample;
import dev.meshdeck.core.monitoring.evaluation.SampleHistory;
import dev.meshdeck.core.monitoring.evaluation.Value;
import dev.meshdeck.sandbox.kube.ServiceBackend;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sandbox's Prometheus: it scrapes the traffic simulator's Istio series every {@link #INTERVAL}, evaluates the
 * PrometheusRules stored in the sandbox (the seeded ones and any applied since) and answers Prometheus' HTTP API
 * for what MeshDeck asks ({@code /api/v1/query}, {@code /api/v1/rules}, {@code /api/v1/alerts}) behind the Service
 * {@code istio-system/prometheus}, through the API server's proxy. In-process, it is an {@link AlertSource}.
 */
public final class SandboxPrometheus implements AlertSource, ServiceBackend {

    /** The Service it listens behind, where MeshDeck looks for a cluster's Prometheus. */
    public static final String NAMESPACE = "istio-system";
    public static final String SERVICE = "prometheus";

    /** Scrape and rule evaluation interval: short, so a rule's {@code for} is the only wait. */
    public static final Duration INTERVAL = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<List<Sample>> scrape;
    private final Supplier<List<JsonNode>> prometheusRules;
    private final Clock clock;
    private final SampleHistory history = new SampleHistory(Duration.ofMinutes(15));
    private final RuleEvaluator rules;

    /**
     * @param scrape          the simulator's series now
     * @param prometheusRules the PrometheusRule objects now in the sandbox
     * @param source          what its alerts name as their source
     */
    public SandboxPrometheus(Supplier<List<Sample>> scrape, Supplier<List<JsonNode>> prometheusRules, Clock clock, String source) {
        this.scrape = scrape;
        this.prometheusRules = prometheusRules;
        this.clock = clock;
        this.rules = new RuleEvaluator(source, history);
    }

    /** One scrape and one evaluation of every rule, as Prometheus does each interval. */
    public void tick() {
        Instant now = clock.instant();
        history.add(now, scrape.get());
        try {
            rules.load(prometheusRules.get());
        } catch (RuntimeException unreadable) {
            // the API closing with the sandbox, or a moment's failure: evaluate the rules last read
        }
        rules.evaluate(now);
    }

    @Override
    public String name() {
        return "sandbox prometheus";
    }

    @Override
    public List<ActiveAlert> read() {
        return rules.alerts();
    }

    @Override
    public Reply answer(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> params = params(q < 0 ? "" : pathAndQuery.substring(q + 1));
        return switch (path) {
            case "api/v1/query" -> query(params.getOrDefault("query", ""));
            case "api/v1/alerts" -> success(alerts());
            case "api/v1/rules" -> success(groups());
            case "-/ready", "-/healthy" -> new Reply(200, "text/plain", "Prometheus is Ready.\n");
            default -> new Reply(404, "text/plain", "404 page not found\n");
        };
    }

    private Reply query(String promql) {
        Instant now = clock.instant();
        Value value;
        try {
            value = rules.queries().evaluate(promql, now);
        } catch (IllegalArgumentException e) {
            ObjectNode error = JSON.createObjectNode().put("status", "error").put("errorType", "bad_data").put("error", e.getMessage());
            return new Reply(400, "application/json", error.toString());
        }
        ObjectNode data = JSON.createObjectNode();
        if (value instanceof Value.Scalar s) {
            data.put("resultType", "scalar");
            data.set("result", point(now, s.value()));
        } else if (value instanceof Value.Vector v) {
            data.put("resultType", "vector");
            ArrayNode result = data.putArray("result");
            for (Sample sample : v.samples()) {
                ObjectNode row = result.addObject();
                sample.labels().forEach(row.putObject("metric")::put);
                row.set("value", point(now, sample.value()));
            }
        } else {
            return new Reply(400, "application/json", JSON.createObjectNode().put("status", "error").put("errorType", "bad_data")
                    .put("error", "a range vector cannot be an instant query's result; use it inside rate() or the like").toString());
        }
        return success(data);
    }

    private ObjectNode alerts() {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode alerts = data.putArray("alerts");
        rules.alerts().forEach(a -> alerts.add(alert(a)));
        return data;
    }

    private ObjectNode groups() {
        Map<String, ArrayNode> groups = new LinkedHashMap<>();
        for (RuleEvaluator.RuleState state : rules.rules()) {
            RuleEvaluator.Rule rule = state.rule();
            ObjectNode r = groups.computeIfAbsent(rule.group(), g -> JSON.createArrayNode()).addObject();
            r.put("name", rule.name());
            r.put("query", rule.expr());
            rule.labels().forEach(r.putObject("labels")::put);
            r.put("health", state.error().isPresent() ? "err" : "ok");
            state.error().ifPresent(e -> r.put("lastError", e));
            if (rule.alerting()) {
                r.put("type", "alerting");
                r.put("duration", rule.forDuration().toSeconds());
                rule.annotations().forEach(r.putObject("annotations")::put);
                boolean firing = state.alerts().stream().anyMatch(a -> a.state() == ActiveAlert.State.FIRING);
                r.put("state", firing ? "firing" : state.alerts().isEmpty() ? "inactive" : "pending");
                ArrayNode alerts = r.putArray("alerts");
                state.alerts().forEach(a -> alerts.add(alert(a)));
            } else {
                r.put("type", "recording");
            }
        }
        ObjectNode data = JSON.createObjectNode();
        ArrayNode list = data.putArray("groups");
        groups.forEach((name, rulesOfGroup) -> {
            ObjectNode g = list.addObject();
            g.put("name", name);
            g.put("interval", INTERVAL.toSeconds());
            g.set("rules", rulesOfGroup);
        });
        return data;
    }

    private static ObjectNode alert(ActiveAlert a) {
        ObjectNode alert = JSON.createObjectNode();
        a.labels().forEach(alert.putObject("labels")::put);
        ObjectNode annotations = alert.putObject("annotations");
        a.summary().ifPresent(s -> annotations.put("summary", s));
        alert.put("state", RuleEvaluator.apiState(a.state()));
        alert.put("activeAt", a.since().toString());
        alert.put("value", goFloat(a.value()));
        return alert;
    }

    private static ArrayNode point(Instant at, double value) {
        return JSON.createArrayNode().add(at.toEpochMilli() / 1000.0).add(goFloat(value));
    }

    /** Values as Prometheus writes them: "+Inf", "-Inf", "NaN", else the shortest decimal. */
    private static String goFloat(double v) {
        return Double.isNaN(v) ? "NaN" : v == Double.POSITIVE_INFINITY ? "+Inf" : v == Double.NEGATIVE_INFINITY ? "-Inf"
                : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static Reply success(ObjectNode data) {
        ObjectNode body = JSON.createObjectNode().put("status", "success");
        body.set("data", data);
        return new Reply(200, "application/json", body.toString());
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
