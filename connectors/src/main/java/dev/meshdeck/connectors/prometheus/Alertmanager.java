package dev.meshdeck.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertmanagerState;
import dev.meshdeck.core.monitoring.Silence;
import dev.meshdeck.core.monitoring.SilenceSpec;
import dev.meshdeck.core.telemetry.TelemetryException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An Alertmanager's API v2: the alerts it routes (active, silenced and inhibited), its silences, and creating or
 * expiring one.
 */
public final class Alertmanager {

    /** Where clusters usually run it: kube-prometheus' {@code monitoring/alertmanager-main}, or beside Istio's addons. */
    public static final List<String> SERVICES = List.of("istio-system/alertmanager", "istio-system/alertmanager-main",
            "monitoring/alertmanager-main", "monitoring/alertmanager");
    static final int PORT = 9093;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIPPET = 300;

    private final MonitoringEndpoint endpoint;

    public Alertmanager(MonitoringEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The cluster's Alertmanager among {@link #SERVICES}, through the API server proxy; empty when it has none. */
    public static Optional<Alertmanager> discover(KubernetesClient client, Duration timeout) {
        return ApiServerProxyEndpoint.discover(client, SERVICES, PORT, timeout).map(Alertmanager::new);
    }

    public String describe() {
        return endpoint.describe();
    }

    /** Every alert it holds, silenced and inhibited ones included, each with its Alertmanager state. */
    public List<ActiveAlert> alerts() throws TelemetryException {
        JsonNode answer = send("GET", "api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true", Optional.empty(),
                "alerts");
        List<ActiveAlert> alerts = new ArrayList<>();
        for (JsonNode a : answer) {
            Map<String, String> labels = strings(a.path("labels"));
            List<String> receivers = new ArrayList<>();
            a.path("receivers").forEach(r -> receivers.add(r.path("name").asText()));
            AlertmanagerState state = new AlertmanagerState(describe(), receivers, texts(a.path("status").path("silencedBy")),
                    texts(a.path("status").path("inhibitedBy")));
            String summary = a.path("annotations").path("summary").asText("");
            // Prometheus only sends firing alerts; Alertmanager keeps no value
            alerts.add(new ActiveAlert(describe(), ActiveAlert.functionOf(labels), labels.getOrDefault("alertname", ""),
                    labels.getOrDefault("severity", ""), ActiveAlert.State.FIRING, Instant.parse(a.path("startsAt").asText()),
                    Double.NaN, labels, summary.isEmpty() ? Optional.empty() : Optional.of(summary), Optional.of(state)));
        }
        return alerts;
    }

    /** Every silence it keeps: pending, active, and expired ones until its retention drops them. */
    public List<Silence> silences() throws TelemetryException {
        List<Silence> silences = new ArrayList<>();
        for (JsonNode s : send("GET", "api/v2/silences", Optional.empty(), "silences")) {
            List<SilenceSpec.Matcher> matchers = new ArrayList<>();
            s.path("matchers").forEach(m -> matchers.add(new SilenceSpec.Matcher(m.path("name").asText(), m.path("value").asText(),
                    m.path("isRegex").asBoolean(), m.path("isEqual").asBoolean(true))));
            silences.add(new Silence(s.path("id").asText(),
                    Silence.Status.valueOf(s.path("status").path("state").asText().toUpperCase(Locale.ROOT)),
                    new SilenceSpec(matchers, Instant.parse(s.path("startsAt").asText()), Instant.parse(s.path("endsAt").asText()),
                            s.path("createdBy").asText(), s.path("comment").asText())));
        }
        return silences;
    }

    /** Creates the silence and returns its id. */
    public String silence(SilenceSpec spec) throws TelemetryException {
        ObjectNode body = JSON.createObjectNode();
        var matchers = body.putArray("matchers");
        for (SilenceSpec.Matcher m : spec.matchers()) {
            matchers.addObject().put("name", m.name()).put("value", m.value()).put("isRegex", m.regex()).put("isEqual", m.equal());
        }
        body.put("startsAt", spec.startsAt().toString()).put("endsAt", spec.endsAt().toString())
                .put("createdBy", spec.createdBy()).put("comment", spec.comment());
        return send("POST", "api/v2/silences", Optional.of(body.toString()), "creating a silence").path("silenceID").asText();
    }

    /** Expires the silence now: its alerts notify again at the next evaluation. */
    public void expire(String id) throws TelemetryException {
        send("DELETE", "api/v2/silence/" + URLEncoder.encode(id, StandardCharsets.UTF_8), Optional.empty(), "expiring silence " + id);
    }

    private JsonNode send(String method, String path, Optional<String> json, String what) throws TelemetryException {
        MonitoringEndpoint.Reply reply;
        try {
            reply = endpoint.send(method, path, json);
        } catch (IOException e) {
            throw new TelemetryException("cannot reach Alertmanager " + describe() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + " (" + what + ")", e);
        }
        if (reply.status() / 100 != 2) {
            throw new TelemetryException("Alertmanager " + describe() + " answered HTTP " + reply.status() + ": "
                    + reason(reply.body()) + " (" + what + ")");
        }
        try {
            return reply.body() == null || reply.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new TelemetryException("Alertmanager " + describe() + " answered what is not JSON (" + what + "): "
                    + reason(reply.body()), e);
        }
    }

    /** Alertmanager's refusals are a JSON string or plain text; the API server's are a Status object. */
    private static String reason(String body) {
        String text = body == null ? "" : body.strip();
        try {
            JsonNode json = JSON.readTree(text);
            if (json != null && json.isTextual()) {
                return json.asText();
            }
            if (json != null && "Status".equals(json.path("kind").asText())) {
                return json.path("message").asText(json.path("reason").asText());
            }
        } catch (IOException notJson) {
            // plain text
        }
        return text.isEmpty() ? "no body" : text.length() > SNIPPET ? text.substring(0, SNIPPET) + "..." : text;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
