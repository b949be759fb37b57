package dev.meshdeck.sandbox.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local AWS Lambda control plane speaking Lambda's REST-JSON protocol on 127.0.0.1, so the real AWS SDK
 * (and the AWS CLI) can list functions, move alias weights and invoke without an AWS account.
 * <p>
 * SigV4 signatures are not checked; the region is read from the signature's credential scope, and a region
 * other than the sandbox's own is simply empty. STS GetCallerIdentity is answered too, and CloudWatch
 * GetMetricData with simulated AWS/Lambda metrics ({@link CloudWatchMetricData}) on the same endpoint: point
 * both {@code AWS_ENDPOINT_URL_LAMBDA} and {@code AWS_ENDPOINT_URL_CLOUDWATCH} at {@link #endpoint()}.
 */
public final class LambdaControlPlane implements AutoCloseable {

    public static final String DEFAULT_REGION = "eu-west-1";
    public static final String DEFAULT_ACCOUNT = "123456789012";

    private static final Logger LOG = LoggerFactory.getLogger(LambdaControlPlane.class);
    /** Lambda's API dates: most operations use the first, the concurrency ones the later two. */
    private static final Set<String> API_DATES = Set.of("2015-03-31", "2017-10-31", "2019-09-30");
    /** GetFunctionUrlConfig's API version; every sandbox function (and alias) has a URL with AuthType NONE. */
    private static final String URL_API = "2021-10-31";
    private static final Pattern SCOPE_REGION = Pattern.compile("Credential=[^/,]+/\\d{8}/([^/,]+)/");
    /** Seeded functions look deployed over the days before this instant; fixed so runs are repeatable. */
    private static final Instant SEED_EPOCH = Instant.parse("2025-01-06T09:00:00Z");
    private static final long ROUTING_SEED = 20250106L;

    private final HttpServer server;
    private final ExecutorService workers;
    private final String region;
    private final String account;
    private final Map<String, LambdaRegion> regions = new ConcurrentHashMap<>();
    private volatile boolean stsFailing;

    private LambdaControlPlane(HttpServer server, ExecutorService workers, String region, String account) {
        this.server = server;
        this.workers = workers;
        this.region = region;
        this.account = account;
    }

    /** Starts an empty control plane on 127.0.0.1; {@code port} 0 picks a free port. */
    public static LambdaControlPlane start(int port, String region, String account) {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // ~40 ms per call. Read once, when the JDK's server configuration first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "lambda-sandbox-http");
                t.setDaemon(true);
                return t;
            });
            LambdaControlPlane plane = new LambdaControlPlane(server, workers, region, account);
            server.createContext("/", plane::handle);
            server.setExecutor(workers);
            server.start();
            LOG.info("Lambda sandbox for account {} in {} listening on {}", account, region, plane.endpoint());
            return plane;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Lambda sandbox on 127.0.0.1:" + port
                    + " (port in use? pass 0 for a free port)", e);
        }
    }

    /** {@link #start(int, String, String)} on a free port, account 123456789012 in eu-west-1. */
    public static LambdaControlPlane start() {
        return start(0, DEFAULT_REGION, DEFAULT_ACCOUNT);
    }

    /** The URL to give the SDK as {@code endpointOverride} or {@code AWS_ENDPOINT_URL_LAMBDA}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String region() {
        return region;
    }

    public String account() {
        return account;
    }

    /** Number of functions in the sandbox's own region. */
    public int functionCount() {
        return home().size();
    }

    /** Loads {@code sandbox/lambda/functions.yaml} and its CloudWatch alarm into the sandbox's region. */
    public LambdaControlPlane seedDefault() {
        LambdaSeeds.defaults().forEach(seed -> home().add(seed, SEED_EPOCH));
        home().alarms().seed(SEED_EPOCH);
        return this;
    }

    /**
     * Adds {@code n} generated functions {@code synthetic-fn-0001}... for scale tests; the same n always gives
     * the same functions, versions and aliases.
     */
    public LambdaControlPlane seedSynthetic(int n) {
        LambdaSeeds.synthetic(n).forEach(seed -> home().add(seed, SEED_EPOCH));
        return this;
    }

    /**
     * Makes STS GetCallerIdentity fail (or answer again), as when STS is unreachable or its credentials are
     * refused: MeshDeck then writes without knowing the account.
     */
    public void failCallerIdentity(boolean failing) {
        stsFailing = failing;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private LambdaRegion home() {
        return regionNamed(region);
    }

    private LambdaRegion regionNamed(String name) {
        return regions.computeIfAbsent(name, r -> new LambdaRegion(r, account, ROUTING_SEED));
    }

    private void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        // Only the method and path: the Authorization header carries the caller's access key id.
        LOG.debug("{} {}", method, path);
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Optional<String> logsTarget = CloudWatchLogEvents.target(exchange);
            if (logsTarget.isPresent()) {
                sendLogEvents(exchange, logsTarget.get(), body);
                return;
            }
            if (CloudWatchMetricData.handles(path)) {
                sendMetricData(exchange, path, body);
                return;
            }
            try {
                Reply reply = route(exchange, method, path, body);
                send(exchange, reply);
            } catch (LambdaException e) {
                exchange.getResponseHeaders().set("X-Amzn-ErrorType", e.type());
                send(exchange, Reply.json(e.status(), LambdaJson.error(e.getMessage())));
            } catch (JsonProcessingException e) {
                exchange.getResponseHeaders().set("X-Amzn-ErrorType", "InvalidRequestContentException");
                send(exchange, Reply.json(400, LambdaJson.error("Could not parse request body into json: "
                        + e.getOriginalMessage())));
            } catch (RuntimeException e) {
                LOG.warn("Lambda sandbox failed on {} {}", method, path, e);
                exchange.getResponseHeaders().set("X-Amzn-ErrorType", "ServiceException");
                send(exchange, Reply.json(500, LambdaJson.error("Lambda sandbox internal error: " + e)));
            }
        } catch (IOException e) {
            LOG.debug("client went away during {} {}", method, path, e);
        }
    }

    private void sendLogEvents(HttpExchange exchange, String target, byte[] body) throws IOException {
        try {
            send(exchange, new Reply(200, CloudWatchLogEvents.CONTENT_TYPE, CloudWatchLogEvents.call(target, body,
                    regionNamed(requestRegion(exchange)), Instant.now()), Map.of()));
        } catch (CloudWatchLogEvents.Failure e) {
            send(exchange, new Reply(e.status, CloudWatchLogEvents.CONTENT_TYPE, e.body(), Map.of()));
        } catch (JsonProcessingException e) {
            CloudWatchLogEvents.Failure failure = new CloudWatchLogEvents.Failure(400, "SerializationException",
                    "Could not read the JSON request: " + e.getOriginalMessage());
            send(exchange, new Reply(400, CloudWatchLogEvents.CONTENT_TYPE, failure.body(), Map.of()));
        }
    }

    private void sendMetricData(HttpExchange exchange, String path, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
        try {
            byte[] answer = CloudWatchMetricData.call(path, body, regionNamed(requestRegion(exchange)));
            send(exchange, new Reply(200, CloudWatchMetricData.CONTENT_TYPE, answer, Map.of()));
        } catch (CloudWatchMetricData.Failure e) {
            send(exchange, new Reply(e.status(), CloudWatchMetricData.CONTENT_TYPE, CloudWatchMetricData.error(e),
                    Map.of("x-amzn-query-error", e.queryErrorHeader())));
        } catch (JsonProcessingException e) {
            CloudWatchMetricData.Failure failure = new CloudWatchMetricData.Failure(400, "SerializationException",
                    "SerializationException", "Could not read the CBOR request: " + e.getOriginalMessage());
            send(exchange, new Reply(400, CloudWatchMetricData.CONTENT_TYPE, CloudWatchMetricData.error(failure),
                    Map.of("x-amzn-query-error", failure.queryErrorHeader())));
        }
    }

    private Reply route(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        if (CallerIdentity.isRequest(method, path, text)) {
            return stsFailing ? new Reply(403, "text/xml", CallerIdentity.refused(), Map.of())
                    : new Reply(200, "text/xml", CallerIdentity.response(account), Map.of());
        }
        List<String> segments = segments(path);
        if (segments.size() == 4 && URL_API.equals(segments.get(0)) && "functions".equals(segments.get(1))
                && "url".equals(segments.get(3)) && "GET".equals(method)) {
            LambdaRegion target = regionNamed(requestRegion(exchange));
            FunctionRef fn = FunctionRef.parse(segments.get(2), query(exchange.getRequestURI().getRawQuery()).get("Qualifier"));
            return Reply.json(200, LambdaJson.functionUrl(target, fn.name(), fn.qualifier()));
        }
        if (segments.size() < 2 || !API_DATES.contains(segments.get(0)) || !"functions".equals(segments.get(1))) {
            throw LambdaException.unknownOperation(method, path);
        }
        LambdaRegion target = regionNamed(requestRegion(exchange));
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (segments.size() == 2 && "GET".equals(method)) {
            Page<FunctionConfig> page = target.listFunctions(query.get("Marker"), maxItems(query));
            return Reply.json(200, LambdaJson.page("Functions", page, c -> LambdaJson.configuration(target, c)));
        }
        if (segments.size() < 3) {
            throw LambdaException.unknownOperation(method, path);
        }
        FunctionRef fn = FunctionRef.parse(segments.get(2), query.get("Qualifier"));
        String resource = segments.size() > 3 ? segments.get(3) : "";
        String key = method + " " + resource + (segments.size() > 4 ? "/{name}" : "");
        switch (key) {
            case "GET ":
                return Reply.json(200, LambdaJson.function(target, target.configuration(fn.name(), fn.qualifier()),
                        target.tags(fn.name()), target.reservedConcurrency(fn.name())));
            case "GET configuration":
                return Reply.json(200, LambdaJson.configuration(target, target.configuration(fn.name(), fn.qualifier())));
            case "PUT configuration": {
                JsonNode request = json(body);
                return Reply.json(200, LambdaJson.configuration(target, target.updateConfiguration(fn.name(),
                        LambdaJson.configurationChange(request), LambdaJson.text(request, "RevisionId"))));
            }
            case "PUT code": {
                JsonNode request = json(body);
                return Reply.json(200, LambdaJson.configuration(target, target.updateCode(fn.name(),
                        LambdaJson.code(request), LambdaJson.text(request, "RevisionId"))));
            }
            case "GET concurrency":
                return Reply.json(200, LambdaJson.concurrency(target.reservedConcurrency(fn.name())));
            case "PUT concurrency": {
                JsonNode request = json(body);
                JsonNode reserved = request.get("ReservedConcurrentExecutions");
                return Reply.json(200, LambdaJson.concurrency(target.reserveConcurrency(fn.name(),
                        reserved == null || !reserved.canConvertToInt() ? null : reserved.intValue())));
            }
            case "GET provisioned-concurrency":
                return Reply.json(200, query.containsKey("List")
                        ? LambdaJson.provisionedList(target, fn.name(), target.provisioned(fn.name()))
                        : LambdaJson.provisioned(target.provisioned(fn.name(), fn.qualifier())));
            case "PUT provisioned-concurrency": {
                JsonNode requested = json(body).get("ProvisionedConcurrentExecutions");
                return Reply.json(202, LambdaJson.provisioned(target.provision(fn.name(), fn.qualifier(),
                        requested == null || !requested.canConvertToInt() ? null : requested.intValue())));
            }
            case "DELETE provisioned-concurrency":
                target.deprovision(fn.name(), fn.qualifier());
                return new Reply(204, "application/json", new byte[0], Map.of());
            case "DELETE concurrency":
                target.deleteConcurrency(fn.name());
                return new Reply(204, "application/json", new byte[0], Map.of());
            case "GET versions":
                return Reply.json(200, LambdaJson.page("Versions",
                        target.versions(fn.name(), query.get("Marker"), maxItems(query)),
                        c -> LambdaJson.configuration(target, c)));
            case "POST versions": {
                JsonNode request = json(body);
                return Reply.json(201, LambdaJson.configuration(target, target.publish(fn.name(),
                        LambdaJson.text(request, "CodeSha256"), LambdaJson.text(request, "Description"), LambdaJson.text(request, "RevisionId"))));
            }
            case "GET aliases":
                return Reply.json(200, LambdaJson.page("Aliases",
                        target.aliases(fn.name(), query.get("FunctionVersion"), query.get("Marker"), maxItems(query)),
                        a -> LambdaJson.alias(target, fn.name(), a)));
            case "POST aliases": {
                JsonNode request = json(body);
                Map<String, Double> weights = weights(request);
                Alias created = target.createAlias(fn.name(), LambdaJson.text(request, "Name"), LambdaJson.text(request, "FunctionVersion"),
                        LambdaJson.text(request, "Description"), weights == null ? Map.of() : weights, null);
                return Reply.json(201, LambdaJson.alias(target, fn.name(), created));
            }
            case "GET aliases/{name}":
                return Reply.json(200, LambdaJson.alias(target, fn.name(), target.alias(fn.name(), segments.get(4))));
            case "PUT aliases/{name}": {
                JsonNode request = json(body);
                Alias updated = target.updateAlias(fn.name(), segments.get(4), LambdaJson.text(request, "FunctionVersion"),
                        LambdaJson.text(request, "Description"), weights(request), LambdaJson.text(request, "RevisionId"));
                return Reply.json(200, LambdaJson.alias(target, fn.name(), updated));
            }
            case "DELETE aliases/{name}":
                target.deleteAlias(fn.name(), segments.get(4));
                return new Reply(204, "application/json", new byte[0], Map.of());
            case "POST invocations":
                return invoke(exchange, target, fn);
            default:
                throw LambdaException.unknownOperation(method, path);
        }
    }

    private static Reply invoke(HttpExchange exchange, LambdaRegion target, FunctionRef fn) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
        if ("DryRun".equals(type)) {
            target.configuration(fn.name(), fn.qualifier());
            return new Reply(204, "application/json", new byte[0], Map.of());
        }
        String version = target.executedVersion(fn.name(), fn.qualifier());
        if ("Event".equals(type)) {
            return new Reply(202, "application/json", new byte[0], Map.of());
        }
        byte[] payload = LambdaJson.MAPPER.writeValueAsBytes(LambdaJson.invocationResult(fn.name(), version));
        return new Reply(200, "application/json", payload, Map.of("X-Amz-Executed-Version", version));
    }

    private String requestRegion(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            Matcher m = SCOPE_REGION.matcher(authorization);
            if (m.find()) {
                return m.group(1);
            }
        }
        return region;
    }

    private static Integer maxItems(Map<String, String> query) {
        String raw = query.get("MaxItems");
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            throw LambdaException.invalidParameter("MaxItems must be a number, got '" + raw + "'");
        }
    }

    private static JsonNode json(byte[] body) throws IOException {
        return body.length == 0 ? LambdaJson.MAPPER.createObjectNode() : LambdaJson.MAPPER.readTree(body);
    }

    /** AdditionalVersionWeights, or null when the request has no RoutingConfig (keep the current one). */
    private static Map<String, Double> weights(JsonNode request) {
        JsonNode routing = request.get("RoutingConfig");
        if (routing == null || routing.isNull()) {
            return null;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        JsonNode additional = routing.path("AdditionalVersionWeights");
        for (Iterator<Map.Entry<String, JsonNode>> it = additional.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isNumber()) {
                throw LambdaException.invalidParameter("Weight for version " + entry.getKey() + " must be a number");
            }
            weights.put(entry.getKey(), entry.getValue().asDouble());
        }
        return weights;
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        Arrays.stream(rawPath.split("/"))
                .filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
                .forEach(segments::add);
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        boolean empty = reply.body().length == 0;
        exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
        if (!empty) {
            exchange.getResponseBody().write(reply.body());
        }
    }

    private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Reply json(int status, JsonNode json) {
            try {
                return new Reply(status, "application/json", LambdaJson.MAPPER.writeValueAsBytes(json), Map.of());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a Lambda response", e);
            }
        }
    }

    /**
     * A function named in a path: a name, a partial ARN ({@code 123456789012:function:name}) or a full ARN,
     * each optionally with {@code :qualifier}; a {@code Qualifier} query parameter wins.
     */
    private record FunctionRef(String name, String qualifier) {
        static FunctionRef parse(String raw, String queryQualifier) {
            String[] parts = raw.split(":");
            int nameAt;
            if (raw.startsWith("arn:")) {
                nameAt = 6;
            } else if (parts.length >= 3 && "function".equals(parts[1])) {
                nameAt = 2;
            } else {
                nameAt = 0;
            }
            if (parts.length <= nameAt || nameAt > 0 && !"function".equals(parts[nameAt - 1])) {
                throw LambdaException.invalidParameter("'" + raw + "' is not a function name or function ARN");
            }
            String qualifier = queryQualifier != null ? queryQualifier
                    : parts.length > nameAt + 1 ? parts[nameAt + 1] : null;
            return new FunctionRef(parts[nameAt], qualifier);
        }
    }
}
