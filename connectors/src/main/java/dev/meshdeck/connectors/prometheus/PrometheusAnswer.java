package dev.meshdeck.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.core.telemetry.TelemetryException;
import java.io.IOException;

/** Reads an answer of Prometheus' HTTP API, turning its failures into messages that say where and why. */
final class PrometheusAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIPPET = 300;

    private PrometheusAnswer() {
    }

    /**
     * @param where  the Prometheus, as {@link PrometheusApi#describe()} names it
     * @param status the HTTP status
     * @param body   the body as received
     * @return {@code data.result} of a successful query
     */
    static JsonNode result(String where, String promql, int status, String body) throws TelemetryException {
        return data(where, "query: " + promql, status, body).path("result");
    }

    /**
     * @param what names the request in the error ("query: ...", "alerts")
     * @return {@code data} of a successful answer
     */
    static JsonNode data(String where, String what, int status, String body) throws TelemetryException {
        JsonNode json = parse(body);
        if (status == 200 && json != null && "success".equals(json.path("status").asText())) {
            return json.path("data");
        }
        throw new TelemetryException("Prometheus " + where + " answered HTTP " + status + ": " + reason(json, body)
                + " (" + what + ")");
    }

    private static String reason(JsonNode json, String body) {
        if (json != null && json.hasNonNull("error")) {
            // Prometheus' own error: {"status":"error","errorType":"bad_data","error":"..."}
            return json.path("errorType").asText("error") + ": " + json.path("error").asText();
        }
        if (json != null && "Status".equals(json.path("kind").asText())) {
            // the API server's own refusal (no such service, forbidden, no endpoints)
            return json.path("message").asText(json.path("reason").asText());
        }
        String text = body == null ? "" : body.strip();
        return text.isEmpty() ? "no body" : text.length() > SNIPPET ? text.substring(0, SNIPPET) + "..." : text;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
