package dev.meshdeck.sandbox.cloudrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local Cloud Run Admin API v2 speaking the REST (HTTP/JSON) protocol on 127.0.0.1, so Google's Java client
 * (HTTP/JSON transport, endpoint overridden, no credentials) lists services and revisions and patches traffic
 * without a Google project: services.list/get, services.patch as a long-running operation, operations.get and
 * revisions.list, in one project and region. Calls for another project or region find nothing.
 */
public final class CloudRunControlPlane implements AutoCloseable {

    public static final String DEFAULT_PROJECT;
    public static final String DEFAULT_REGION;
    static final String SERVICE_TYPE = "type.googleapis.com/google.cloud.run.v2.Service";

    private static final Logger LOG = LoggerFactory.getLogger(CloudRunControlPlane.class);
    private static final String SEEDS = "/sandbox/cloudrun/services.yaml";
    /** Seeded revisions look deployed over the days after this instant; fixed so runs are repeatable. */
    private static final Instant SEED_EPOCH = Instant.parse("2025-01-06T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SEED = readSeeds();

    static {
        DEFAULT_PROJECT = SEED.path("project").asText();
        DEFAULT_REGION = SEED.path("region").asText();
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final CloudRunRegion home;
    private final Clock clock = Clock.systemUTC();

    private CloudRunControlPlane(HttpServer server, ExecutorService workers, CloudRunRegion home) {
        this.server = server;
        this.workers = workers;
        this.home = home;
    }

    /** Starts an empty control plane for {@code project} in {@code region}; {@code port} 0 picks a free port. */
    public static CloudRunControlPlane start(int port, String project, String region) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "cloudrun-sandbox-http");
                t.setDaemon(true);
                return t;
            });
            CloudRunControlPlane plane = new CloudRunControlPlane(server, workers,
                    new CloudRunRegion(JSON, project, region, SEED_EPOCH));
            server.createContext("/", plane::handle);
            server.setExecutor(workers);
            server.start();
            LOG.info("Cloud Run sandbox for project {} in {} listening on {}", project, region, plane.endpoint());
            return plane;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Cloud Run sandbox on 127.0.0.1:" + port
                    + " (port in use? pass 0 for a free port)", e);
        }
    }

    /** {@link #start(int, String, String)} on a free port with the seed file's project and region, seeded. */
    public static CloudRunControlPlane start() {
        return start(0, DEFAULT_PROJECT, DEFAULT_REGION).seedDefault();
    }

    /** Loads {@code sandbox/cloudrun/services.yaml}: a canary split 90/10, a service on latest, a gen2 function. */
    public CloudRunControlPlane seedDefault() {
        SEED.path("services").forEach(home::add);
        return this;
    }

    /** The URL to give the client as its endpoint ({@code MESHDECK_CLOUDRUN_ENDPOINT}). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@code projects/P/locations/L}. */
    public String parent() {
        return home.parent();
    }

    /** A service as a GET answers it (tests change it behind a reader's back with {@link #patch}). */
    public JsonNode service(String id) {
        return home.service(id);
    }

    /** services.patch as a client would send it, for tests that change a service meanwhile. */
    public void patch(String id, JsonNode body) {
        home.patch(id, body, List.of(), false, clock.instant());
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        // gax sends PATCH as POST with an override header where the JDK's HttpURLConnection cannot PATCH
        String method = exchange.getRequestHeaders().getOrDefault("X-HTTP-Method-Override",
                List.of(exchange.getRequestMethod())).get(0);
        LOG.debug("{} {}", method, path);
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                send(exchange, 200, route(method, path, query(exchange.getRequestURI().getRawQuery()), body));
            } catch (CloudRunException e) {
                send(exchange, e.status(), error(e.status(), e.code(), e.getMessage()));
            } catch (JsonProcessingException e) {
                send(exchange, 400, error(400, "INVALID_ARGUMENT", "Invalid JSON payload received. "
                        + e.getOriginalMessage()));
            } catch (RuntimeException e) {
                LOG.warn("Cloud Run sandbox failed on {} {}", method, path, e);
                send(exchange, 500, error(500, "INTERNAL", "Cloud Run sandbox internal error: " + e));
            }
        } catch (IOException e) {
            LOG.debug("client went away during {} {}", method, path, e);
        }
    }

    private JsonNode route(String method, String path, Map<String, String> query, byte[] body) throws IOException {
        String prefix = "/v2/" + home.parent() + "/";
        if (!path.startsWith("/v2/projects/")) {
            throw CloudRunException.notFound("Method not found: " + method + " " + path);
        }
        if (!path.startsWith(prefix)) {
            // another project or region: empty, as a project without Cloud Run services is
            if (path.endsWith("/services") && "GET".equals(method)) {
                return JSON.createObjectNode();
            }
            throw CloudRunException.notFound("Resource '" + path.substring(4) + "' does not exist.");
        }
        String[] s = path.substring(prefix.length()).split("/");
        if (s.length == 1 && "services".equals(s[0]) && "GET".equals(method)) {
            return list("services", home.services());
        }
        if (s.length == 2 && "services".equals(s[0]) && "GET".equals(method)) {
            return home.service(s[1]);
        }
        if (s.length == 2 && "services".equals(s[0]) && "PATCH".equals(method)) {
            String mask = query.getOrDefault("updateMask", "");
            return home.patch(s[1], JSON.readTree(body), mask.isEmpty() ? List.of() : List.of(mask.split(",")),
                    Boolean.parseBoolean(query.get("validateOnly")), clock.instant());
        }
        if (s.length == 3 && "services".equals(s[0]) && "revisions".equals(s[2]) && "GET".equals(method)) {
            return list("revisions", home.revisions(s[1]));
        }
        if (s.length == 2 && "operations".equals(s[0]) && "GET".equals(method)) {
            return home.operation(home.parent() + "/operations/" + s[1]);
        }
        throw CloudRunException.notFound("Method not found: " + method + " " + path);
    }

    private static ObjectNode list(String field, List<ObjectNode> items) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode array = page.putArray(field);
        items.forEach(array::add);
        return page;
    }

    private static ObjectNode error(int status, String code, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("code", status).put("message", message).put("status", code);
        return root;
    }

    private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static JsonNode readSeeds() {
        try (InputStream in = CloudRunControlPlane.class.getResourceAsStream(SEEDS)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + SEEDS + " is missing from meshdeck-resources");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SEEDS + ": " + e.getMessage(), e);
        }
    }
}
