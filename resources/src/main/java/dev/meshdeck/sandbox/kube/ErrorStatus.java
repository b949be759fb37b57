package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives every error answer the {@code Status} body a real API server sends. The mock answers 404 with no body
 * and labels every error "Invalid"; clients (and kubectl's messages) rely on reason NotFound, AlreadyExists
 * and Conflict to tell these cases apart.
 */
final class ErrorStatus {

    private static final Pattern RESOURCE_PATH = Pattern.compile(
            "^/apis?/(?:(?<group>[^/]+)/)?v[^/]*/(?:namespaces/[^/]+/)?(?<plural>[^/]+)(?:/(?<name>[^/]+))?.*$");

    private ErrorStatus() {
    }

    static MockResponse complete(MockResponse response, HttpMethod method, String path) {
        int code = response.code();
        if (code < 400) {
            return response;
        }
        Status status = existing(response);
        if (status.getMessage() == null || status.getMessage().isBlank()) {
            status.setMessage(code == 404 ? notFound(path) : "request to " + path + " failed with HTTP " + code);
        }
        status.setReason(reason(code, method, status.getReason()));
        return response.setBody(Serialization.asJson(status)).setHeader("Content-Type", "application/json");
    }

    private static Status existing(MockResponse response) {
        if (response.getBody() != null && response.getBody().size() > 0) {
            String body = new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
            if (body.contains("\"Status\"")) {
                return Serialization.unmarshal(body, Status.class);
            }
        }
        return new StatusBuilder().withStatus("Failure").withCode(response.code()).build();
    }

    private static String reason(int code, HttpMethod method, String current) {
        switch (code) {
            case 404:
                return "NotFound";
            case 409:
                return method == HttpMethod.POST ? "AlreadyExists" : "Conflict";
            case 415:
                return "UnsupportedMediaType";
            case 422:
                return "Invalid";
            default:
                return current == null ? "BadRequest" : current;
        }
    }

    /** {@code virtualservices.networking.istio.io "order-function" not found}, as the API server says it. */
    private static String notFound(String path) {
        Matcher m = RESOURCE_PATH.matcher(path);
        if (!m.matches()) {
            return "the server could not find the requested resource " + path;
        }
        String resource = m.group("group") == null ? m.group("plural") : m.group("plural") + "." + m.group("group");
        return (m.group("name") == null ? resource : resource + " \"" + m.group("name") + "\"") + " not found";
    }
}
