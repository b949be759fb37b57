package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API server's service proxy ({@code /api/v1/namespaces/NS/services/NAME[:PORT]/proxy/...}): forwarded to the
 * {@link ServiceBackend} registered for the Service (the sandbox's Prometheus). Other Services have no workload
 * behind them, so, like an API server whose service has nothing listening, it answers 503 ServiceUnavailable; the
 * CRUD mock would otherwise answer some unrelated list with 200.
 */
final class ServiceProxy {

    private static final Pattern PROXY = Pattern.compile(
            "^/api/v1/namespaces/(?<ns>[^/]+)/services/(?<name>[^/:]+)(?::[^/]+)?/proxy(?:/.*)?$");

    private final Map<String, ServiceBackend> backends = new ConcurrentHashMap<>();

    /** Serves the Service {@code namespace/name} with {@code backend} from now on. */
    void serve(String namespace, String name, ServiceBackend backend) {
        backends.put("/api/v1/namespaces/" + namespace + "/services/" + name, backend);
    }

    /**
     * The answer of what listens behind an existing Service.
     *
     * @param servicePath as {@link #servicePath} gave it
     * @param requestPath the whole request path, with its query
     */
    MockResponse forward(String servicePath, String requestPath) {
        ServiceBackend backend = backends.get(servicePath);
        if (backend == null) {
            return unavailable(servicePath);
        }
        int proxy = requestPath.indexOf("/proxy");
        String rest = requestPath.substring(proxy + "/proxy".length()).replaceFirst("^/", "");
        ServiceBackend.Reply reply = backend.answer(rest);
        return new MockResponse().setResponseCode(reply.status()).setHeader("Content-Type", reply.contentType()).setBody(reply.body());
    }

    /** The Service a proxy path goes through, as its resource path; empty for any other path. */
    static Optional<String> servicePath(String path) {
        Matcher m = PROXY.matcher(path);
        return m.matches()
                ? Optional.of("/api/v1/namespaces/" + m.group("ns") + "/services/" + m.group("name"))
                : Optional.empty();
    }

    private static MockResponse unavailable(String servicePath) {
        String service = servicePath.substring("/api/v1/namespaces/".length()).replace("/services/", "/");
        return new MockResponse().setResponseCode(503).setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(503)
                        .withReason("ServiceUnavailable")
                        .withMessage("error trying to reach service " + service
                                + ": the sandbox runs no workloads, nothing listens behind its services")
                        .build()));
    }
}
