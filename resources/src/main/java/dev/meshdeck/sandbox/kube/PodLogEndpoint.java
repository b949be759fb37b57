package dev.meshdeck.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/namespaces/NS/pods/NAME/log} as the kubelet answers it through the API server: plain text,
 * one line per write, with {@code container}, {@code previous}, {@code sinceSeconds}/{@code sinceTime},
 * {@code tailLines} and {@code timestamps} (RFC 3339 before each line). The CRUD mock has no such path (it would
 * answer with the pod's JSON). The mock cannot stream, so {@code follow} is answered with what is there now and
 * the connection then ends: a client that follows reconnects from its last line. History goes back an hour.
 */
final class PodLogEndpoint {

    private static final Pattern LOG = Pattern.compile("^/api/v1/namespaces/(?<ns>[^/]+)/pods/(?<name>[^/]+)/log$");
    static final Duration KEPT = Duration.ofHours(1);

    private volatile PodLogLines lines = PodLogLines.NONE;

    static boolean isLog(String path) {
        return LOG.matcher(path).matches();
    }

    void serve(PodLogLines source) {
        this.lines = source;
    }

    /**
     * @param pathAndQuery the request's path with its query
     * @param read         reads a stored object by path: the pod, and its namespace's pod list
     */
    MockResponse answer(String pathAndQuery, Function<String, Optional<JsonNode>> read, Instant now) {
        int q = pathAndQuery.indexOf('?');
        Matcher m = LOG.matcher(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a pod log path: " + pathAndQuery);
        }
        String namespace = m.group("ns");
        String name = m.group("name");
        Map<String, String> query = query(q < 0 ? "" : pathAndQuery.substring(q + 1));
        String podsPath = "/api/v1/namespaces/" + namespace + "/pods";
        Optional<JsonNode> pod = read.apply(podsPath + "/" + name);
        if (pod.isEmpty()) {
            return status(404, "NotFound", "pods \"" + name + "\" not found");
        }
        List<String> containers = new ArrayList<>();
        pod.get().path("spec").path("containers").forEach(c -> containers.add(c.path("name").asText()));
        String container = query.get("container");
        if (container == null) {
            String preferred = pod.get().path("metadata").path("annotations")
                    .path("kubectl.kubernetes.io/default-container").asText("");
            if (containers.size() != 1 && preferred.isEmpty()) {
                return status(400, "BadRequest", "a container name must be specified for pod " + name
                        + ", choose one of: " + containers.toString().replace(",", ""));
            }
            container = preferred.isEmpty() ? containers.get(0) : preferred;
        }
        if (!containers.contains(container)) {
            return status(400, "BadRequest", "container " + container + " is not valid for pod " + name);
        }
        boolean previous = Boolean.parseBoolean(query.get("previous"));
        if (previous && restarts(pod.get(), container) == 0) {
            return status(400, "BadRequest", "previous terminated container \"" + container + "\" in pod \""
                    + name + "\" not found");
        }
        Instant from;
        try {
            from = since(query, now);
        } catch (NumberFormatException | DateTimeParseException e) {
            return status(400, "BadRequest", "invalid sinceSeconds or sinceTime: " + e.getMessage());
        }
        List<JsonNode> siblings = new ArrayList<>();
        read.apply(podsPath).ifPresent(list -> list.path("items").forEach(siblings::add));
        List<PodLogLines.Line> written = lines.lines(new PodLogLines.Request(pod.get(), siblings, container, previous,
                from, now));
        int tail = query.containsKey("tailLines") ? Math.max(0, Integer.parseInt(query.get("tailLines"))) : written.size();
        boolean timestamps = Boolean.parseBoolean(query.get("timestamps"));
        StringBuilder body = new StringBuilder();
        for (PodLogLines.Line line : written.subList(Math.max(0, written.size() - tail), written.size())) {
            if (timestamps) {
                body.append(line.time()).append(' ');
            }
            body.append(line.text()).append('\n');
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
                .setBody(body.toString());
    }

    private static Instant since(Map<String, String> query, Instant now) {
        Instant oldest = now.minus(KEPT);
        Instant asked = query.containsKey("sinceSeconds")
                ? now.minusSeconds(Long.parseLong(query.get("sinceSeconds")))
                : query.containsKey("sinceTime") ? Instant.parse(query.get("sinceTime")) : oldest;
        return asked.isBefore(oldest) ? oldest : asked;
    }

    private static int restarts(JsonNode pod, String container) {
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            if (container.equals(status.path("name").asText())) {
                return status.path("restartCount").asInt(0);
            }
        }
        return 0;
    }

    private static Map<String, String> query(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static MockResponse status(int code, String reason, String message) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(code)
                        .withReason(reason).withMessage(message).build()));
    }
}
